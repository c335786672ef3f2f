#include "paymentdialog.h"

#include "displaytext.h"
#include "moneytext.h"
#include "pay/paymentprovider.h"
#include "pay/providerregistry.h"
#include "qrwidget.h"
#include "trainingcodes.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QString styleFor(const QString &kind)
{
    if (kind == u"paid")
        return u"color: #1b7f3a; font-size: 44pt; font-weight: bold;"_s;
    if (kind == u"error")
        return u"color: #b3261e; font-size: 14pt; font-weight: bold;"_s;
    return u"font-size: 14pt;"_s;
}

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    // Scanners end every code with Enter; a stray scan must never press a button.
    button->setAutoDefault(false);
    button->setDefault(false);
    return button;
}

} // namespace

PaymentDialog::PaymentDialog(PaymentSession *session, SimulateCustomer simulateCustomer,
                             ShopClock clock, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_simulateCustomer(std::move(simulateCustomer))
    , m_clock(std::move(clock))
{
    setWindowTitle(tr("Payment"));
    setMinimumSize(440, 620);

    m_amountLabel = new QLabel(this);
    m_amountLabel->setObjectName(u"amountLabel"_s);
    m_amountLabel->setAlignment(Qt::AlignCenter);
    m_amountLabel->setStyleSheet(u"font-size: 34pt; font-weight: bold;"_s);

    // Which app the customer must scan with: a WeChat QR does not open in Alipay.
    m_providerLabel = new QLabel(this);
    m_providerLabel->setObjectName(u"providerLabel"_s);
    m_providerLabel->setAlignment(Qt::AlignCenter);

    m_orderNoLabel = new QLabel(this);
    m_orderNoLabel->setObjectName(u"orderNoLabel"_s);
    m_orderNoLabel->setAlignment(Qt::AlignCenter);
    m_orderNoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_qr = new QrWidget(this);
    m_qr->setObjectName(u"qrWidget"_s);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_statusLabel->setAlignment(Qt::AlignCenter);
    m_statusLabel->setWordWrap(true);

    m_countdownCaption = new QLabel(tr("QR code expires in"), this);
    m_countdownLabel = new QLabel(this);
    m_countdownLabel->setObjectName(u"countdownLabel"_s);
    m_countdownLabel->setStyleSheet(u"font-size: 14pt; font-weight: bold;"_s);
    // Wide enough for any time from the start: it reads "--:--" until the order is placed,
    // and a label that grows when its text does is cut off until the next layout pass.
    m_countdownLabel->ensurePolished();
    m_countdownLabel->setMinimumWidth(
        m_countdownLabel->fontMetrics().horizontalAdvance(u"00:00"_s) + 2);
    auto *countdownRow = new QHBoxLayout;
    countdownRow->addStretch();
    countdownRow->addWidget(m_countdownCaption);
    countdownRow->addWidget(m_countdownLabel);
    countdownRow->addStretch();

    auto *buttons = new QHBoxLayout;
    m_buttons = buttons;
    // Training's rehearsal keys have a row of their own: beside the real keys they left
    // each too narrow for its words.
    m_trainingButtons = new QHBoxLayout;
    if (m_simulateCustomer) {
        m_simulateButton =
            makeButton(tr("&Simulate customer payment"), u"simulatePayButton"_s, this);
        connect(m_simulateButton, &QPushButton::clicked, this, &PaymentDialog::simulatePayment);
        m_trainingButtons->addWidget(m_simulateButton);
        m_trainingNote = new QLabel(this);
        m_trainingNote->setObjectName(u"trainingNote"_s);
        m_trainingNote->setAlignment(Qt::AlignCenter);
        m_trainingNote->setWordWrap(true);
    }
    buttons->addStretch();
    m_retryButton = makeButton(tr("&Retry"), u"retryButton"_s, this);
    m_qrInsteadButton = makeButton(tr("Show &QR instead"), u"qrInsteadButton"_s, this);
    buttons->addWidget(m_qrInsteadButton);
    connect(m_qrInsteadButton, &QPushButton::clicked, this, &PaymentDialog::qrInsteadRequested);
    m_doneButton = makeButton(tr("Done (Enter)"), u"doneButton"_s, this);
    m_cancelButton = makeButton(tr("Cancel (Esc)"), u"cancelButton"_s, this);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_doneButton);
    buttons->addWidget(m_cancelButton);
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->retry();
    });
    connect(m_doneButton, &QPushButton::clicked, this, &PaymentDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &PaymentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setSpacing(10);
    if (m_simulateCustomer) {
        auto *training = new QLabel(tr("TRAINING — no real money"), this);
        training->setAlignment(Qt::AlignCenter);
        training->setStyleSheet(
            u"background: #e8710a; color: white; font-weight: bold; padding: 4px;"_s);
        layout->addWidget(training);
    }
    layout->addWidget(m_providerLabel);
    layout->addWidget(m_amountLabel);
    layout->addWidget(m_orderNoLabel);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_statusLabel);
    m_databaseNote = new QLabel(tr("The database server is unreachable. A payment made now "
                                   "is recorded as soon as it is back: keep the customer "
                                   "at the counter until this screen says Paid."),
                                this);
    m_databaseNote->setObjectName(u"databaseNote"_s);
    m_databaseNote->setWordWrap(true);
    m_databaseNote->setStyleSheet(u"color: white; background: #c5221f; padding: 4px;"_s);
    m_databaseNote->hide();
    layout->addWidget(m_databaseNote);
    m_scanNote = new QLabel(this);
    m_scanNote->setObjectName(u"scanNote"_s);
    m_scanNote->setAlignment(Qt::AlignCenter);
    m_scanNote->setWordWrap(true);
    m_scanNote->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_scanNote->hide();
    layout->addWidget(m_scanNote);
    layout->addLayout(countdownRow);
    if (m_trainingNote)
        layout->addWidget(m_trainingNote);
    layout->addSpacing(6);
    layout->addLayout(m_trainingButtons);
    layout->addLayout(buttons);

    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &PaymentDialog::updateCountdown);
    m_paidTimer.setSingleShot(true);
    m_paidTimer.setInterval(kPaidDisplayMs);
    connect(&m_paidTimer, &QTimer::timeout, this, &PaymentDialog::accept);
    connect(this, &QDialog::finished, &m_paidTimer, &QTimer::stop);

    if (m_session) {
        connect(m_session, &PaymentSession::stateChanged, this, &PaymentDialog::updateFromSession);
        connect(m_session, &PaymentSession::orderPlaced, this, &PaymentDialog::updateFromSession);
    }
    updateFromSession();
}

void PaymentDialog::setDatabaseAvailable(bool available)
{
    m_databaseNote->setVisible(!available);
}

void PaymentDialog::addTrainingCodes(const QList<TrainingCode> &codes)
{
    if (QPushButton *button = makeTrainingCodeButton(
            codes, this, [this](const QString &code) { Q_EMIT codeOffered(code); }))
        m_trainingButtons->addWidget(button);
}

void PaymentDialog::offerSwitches(const QList<std::pair<QString, QKeySequence>> &providers)
{
    for (const auto &[provider, key] : providers) {
        QPushButton *button = makeButton(tr("%1 (%2)").arg(DisplayText::provider(provider),
                                                           key.toString(QKeySequence::NativeText)),
                                         provider + u"SwitchButton"_s, this);
        connect(button, &QPushButton::clicked, this,
                [this, name = provider] { Q_EMIT switchRequested(name); });
        // The key works whenever the button shows; the dialog has the keyboard, not the
        // counter behind it.
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, button, [button] {
            if (button->isVisible())
                button->click();
        });
        m_buttons->insertWidget(m_buttons->indexOf(m_retryButton), button);
        m_switchButtons.insert(provider, button);
    }
    updateFromSession();
}

void PaymentDialog::showScanNote(const QString &text)
{
    m_scanNote->setText(text);
    m_scanNote->show();
}

void PaymentDialog::reject()
{
    if (m_session && m_session->state() == PaymentSession::State::Paid) {
        accept(); // the money arrived: Esc must not turn a sale into a cancellation
        return;
    }
    m_paidTimer.stop();
    if (m_session)
        m_session->cancel();
    QDialog::reject();
}

void PaymentDialog::updateFromSession()
{
    using State = PaymentSession::State;
    const State state = m_session ? m_session->state() : State::Error;

    const bool code = m_session && m_session->method() == PaymentMethod::Code;
    if (m_session) {
        // The provider can change (another code after a refusal), so the banner follows.
        const QString provider = m_session->provider().name();
        m_providerLabel->setText(code ? tr("Payment code: %1").arg(DisplayText::provider(provider))
                                      : tr("Scan with %1").arg(DisplayText::provider(provider)));
        const ProviderKind *kind = ProviderRegistry::kind(provider);
        m_providerLabel->setStyleSheet(
            u"color: white; font-size: 16pt; font-weight: bold; padding: 4px; background: %1;"_s
                .arg(kind ? kind->colour : u"#555555"_s));
        // Until the order is placed (a commit away) its amount is not known for certain.
        m_amountLabel->setText(m_session->orderNo().isEmpty() ? u"—"_s
                                                              : moneyText(m_session->amount()));
        m_orderNoLabel->setText(
            m_session->orderNo().isEmpty() ? QString() : tr("Order %1").arg(m_session->orderNo()));
    }
    m_qr->setText(state == State::Showing ? m_session->codeUrl() : QString());
    // The QR's place goes to the outcome once there is nothing left to scan.
    const bool qrPhase = !code && (state == State::Creating || state == State::Showing);
    m_qr->setVisible(qrPhase);
    m_layout->setStretchFactor(m_statusLabel, qrPhase ? 0 : 1);
    m_countdownCaption->setText(code ? tr("Time left to confirm") : tr("QR code expires in"));

    if (code) {
        showCodeStatus(state);
    } else {
        switch (state) {
        case State::Creating:
            setStatus(tr("Requesting QR…"), {});
            break;
        case State::Showing:
            setStatus(tr("Scan the QR code with %1 to pay, or scan the customer's payment code")
                          .arg(DisplayText::providerApp(m_session->provider().name())),
                      {});
            break;
        case State::Confirming: // a QR is never confirmed at the counter; said for safety
            setStatus(tr("Checking the payment…"), {});
            break;
        case State::Paid:
            setStatus(tr("Paid"), u"paid"_s);
            break;
        case State::Error:
            setStatus(m_session && !m_session->errorMessage().isEmpty()
                          ? tr("No QR code: %1").arg(m_session->errorMessage())
                          : tr("No QR code: the request failed."),
                      u"error"_s);
            break;
        case State::Cancelling:
            setStatus(tr("Cancelled"), {});
            break;
        case State::Expired:
            setStatus(tr("The QR code expired without payment. The order will be cancelled."),
                      u"error"_s);
            break;
        }
    }

    const bool live =
        state == State::Creating || state == State::Showing || state == State::Confirming;
    m_retryButton->setVisible(state == State::Error && !code);
    // A refused QR has Retry; a refused code has the QR.
    m_qrInsteadButton->setVisible(state == State::Error && code && m_session->canPayAgain());
    // Another provider's key, while the customer has not paid: the same order, its QR.
    for (auto it = m_switchButtons.cbegin(); it != m_switchButtons.cend(); ++it)
        it.value()->setVisible(m_session && m_session->canSwitch() &&
                               (code || it.key() != m_session->provider().name()));
    m_doneButton->setVisible(state == State::Paid);
    m_doneButton->setDefault(state == State::Paid);
    m_cancelButton->setVisible(state != State::Paid);
    m_cancelButton->setText(state == State::Expired ? tr("Close (Esc)") : tr("Cancel (Esc)"));
    if (m_simulateButton) {
        m_simulateButton->setVisible(qrPhase);
        m_simulateButton->setEnabled(state == State::Showing && !m_simulating);
    }
    // Nothing counts down while nothing can be paid: an error waits for Retry or Cancel.
    const bool counting = live;
    m_countdownCaption->setVisible(counting);
    m_countdownLabel->setVisible(counting);

    if (counting)
        m_countdownTimer.start();
    else
        m_countdownTimer.stop();
    updateCountdown();

    if (state == State::Paid) {
        if (m_trainingNote)
            m_trainingNote->clear();
        m_doneButton->setFocus();
        m_paidTimer.start();
    } else if (state == State::Error) {
        (code ? m_cancelButton : m_retryButton)->setFocus();
    } else if (state == State::Showing && m_simulateButton) {
        m_simulateButton->setFocus(); // training: Space pays, so the whole flow is keyboard
    }
}

void PaymentDialog::showCodeStatus(PaymentSession::State state)
{
    using State = PaymentSession::State;
    const QString provider = DisplayText::provider(m_session->provider().name());
    switch (state) {
    case State::Creating:
        setStatus(tr("Charging the customer's payment code…"), {});
        break;
    case State::Confirming:
        setStatus(m_session->waiting() == PaymentSession::Waiting::Customer
                      ? tr("Waiting for the customer to confirm on their phone (password)…")
                      : tr("No clear answer from %1 yet: asking again. Keep the customer at "
                           "the counter.")
                            .arg(provider),
                  {});
        break;
    case State::Paid:
        setStatus(tr("Paid"), u"paid"_s);
        break;
    case State::Error:
        setStatus(m_session->canPayAgain()
                      ? tr("%1\n\nScan the customer's new code, or show the QR.")
                            .arg(m_session->errorMessage())
                      : m_session->errorMessage(),
                  u"error"_s);
        break;
    case State::Cancelling:
        setStatus(tr("Cancelled: the payment is being cancelled with %1.").arg(provider), {});
        break;
    case State::Showing:
    case State::Expired:
        setStatus(tr("The customer did not confirm in time: cancelling the payment with %1. "
                     "Nothing will be taken.")
                      .arg(provider),
                  u"error"_s);
        break;
    }
}

void PaymentDialog::updateCountdown()
{
    const QDateTime expiresAt = m_session ? m_session->expiresAt() : QDateTime();
    if (!expiresAt.isValid()) {
        m_countdownLabel->setText(tr("--:--"));
        return;
    }
    const qint64 seconds = std::max<qint64>(0, m_clock.now().secsTo(expiresAt));
    m_countdownLabel->setText(
        u"%1:%2"_s.arg(seconds / 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0')));
}

void PaymentDialog::setStatus(const QString &text, const QString &kind)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(styleFor(kind));
}

void PaymentDialog::simulatePayment()
{
    if (!m_simulateCustomer || !m_session || m_session->state() != PaymentSession::State::Showing)
        return;
    m_simulating = true;
    m_simulateButton->setEnabled(false);
    m_trainingNote->setStyleSheet({});
    m_trainingNote->setText(tr("The customer is paying…"));
    m_simulateCustomer(m_session->codeUrl(), this, [this](const Status &status) {
        m_simulating = false;
        if (!status) {
            m_trainingNote->setStyleSheet(styleFor(u"error"_s));
            m_trainingNote->setText(tr("Simulated payment failed: %1").arg(status.error().message));
            updateFromSession();
            return;
        }
        if (m_session && m_session->state() == PaymentSession::State::Showing)
            m_trainingNote->setText(tr("The customer has paid. Waiting for confirmation…"));
    });
}

} // namespace shouyin
