#include "trainingcodes.h"

#include "displaytext.h"

#include <QCoreApplication>
#include <QMenu>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QString behaviourText(const QString &behaviour)
{
    static const QHash<QString, const char *> kTexts{
        {u"pays-at-once"_s, QT_TRANSLATE_NOOP("TrainingCodes", "the customer pays at once")},
        {u"confirms-after"_s,
         QT_TRANSLATE_NOOP("TrainingCodes", "the customer types the password")},
        {u"never-confirms"_s, QT_TRANSLATE_NOOP("TrainingCodes", "the customer never confirms")},
        {u"wrong-password"_s,
         QT_TRANSLATE_NOOP("TrainingCodes", "the customer types a wrong password")},
        {u"not-enough-balance"_s, QT_TRANSLATE_NOOP("TrainingCodes", "not enough balance")},
        {u"code-expired"_s, QT_TRANSLATE_NOOP("TrainingCodes", "an expired code")},
        {u"card-not-supported"_s,
         QT_TRANSLATE_NOOP("TrainingCodes", "a card that is not accepted")},
    };
    const char *text = kTexts.value(behaviour);
    return text ? QCoreApplication::translate("TrainingCodes", text) : behaviour;
}

} // namespace

QPushButton *makeTrainingCodeButton(const QList<TrainingCode> &codes, QWidget *parent,
                                    std::function<void(const QString &code)> offer)
{
    if (codes.isEmpty())
        return nullptr;
    auto *button = new QPushButton(
        QCoreApplication::translate("TrainingCodes", "Customer's payment &code…"), parent);
    button->setObjectName(u"trainingCodeButton"_s);
    button->setAutoDefault(false); // a scanner's Enter must never open the menu
    auto *menu = new QMenu(button);
    for (const TrainingCode &sample : codes) {
        QAction *action = menu->addAction(
            QCoreApplication::translate("TrainingCodes", "%1: %2")
                .arg(DisplayText::provider(sample.provider), behaviourText(sample.behaviour)));
        action->setObjectName(sample.provider + u'_' + sample.behaviour);
        QObject::connect(action, &QAction::triggered, button,
                         [offer, code = sample.code] { offer(code); });
    }
    button->setMenu(menu);
    return button;
}

} // namespace shouyin
