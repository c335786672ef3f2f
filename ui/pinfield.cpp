#include "pinfield.h"

#include "auth/pinhasher.h"

#include <QLineEdit>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace shouyin {

QLineEdit *createPinField(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(PinHasher::kMaxPinLength);
    edit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"[0-9]{0,%1}"_s.arg(PinHasher::kMaxPinLength)), edit));
    return edit;
}

} // namespace shouyin
