#include "databasewait.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {
constexpr int kRetryMs = 2000;
}

Result<std::unique_ptr<PosApplication>>
createWhenDatabaseAnswers(const PosApplication::Options &options)
{
    std::unique_ptr<QProgressDialog> waiting;
    for (;;) {
        auto pos = PosApplication::create(options);
        if (pos || pos.error().code != ErrorCode::StoreOffline)
            return pos;
        if (!waiting) {
            waiting = std::make_unique<QProgressDialog>();
            waiting->setObjectName(u"databaseWaitDialog"_s);
            waiting->setWindowTitle(QCoreApplication::translate("main", "Shouyin POS"));
            waiting->setCancelButtonText(QCoreApplication::translate("main", "Quit"));
            waiting->setRange(0, 0); // no end we could know of
            waiting->setMinimumDuration(0);
            waiting->setMinimumWidth(520);
        }
        waiting->setLabelText(
            QCoreApplication::translate("main", "Waiting for the database server…\n%1")
                .arg(pos.error().message));
        waiting->show();
        QEventLoop loop;
        QTimer::singleShot(kRetryMs, &loop, &QEventLoop::quit);
        QObject::connect(waiting.get(), &QProgressDialog::canceled, &loop, &QEventLoop::quit);
        loop.exec();
        if (waiting->wasCanceled())
            return Error{ErrorCode::Cancelled, pos.error().message};
    }
}

} // namespace shouyin
