// The Shift page's screen: what the till's shift is, and opening one. The actions on an
// open shift and the reports are in shiftpageactions.cpp.
#include "shiftpage.h"

#include "checkout/checkoutclient.h"
#include "displaytext.h"
#include "moneytext.h"
#include "posservices.h"
#include "receiptdesk.h"
#include "shift/shiftbook.h"
#include "shiftclosedialog.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Up to ¥99,999,999.99, as the cash key takes.
const QRegularExpression kYuanPattern(uR"(\d{1,8}([.]\d{0,2})?)"_s);

QLineEdit *yuanEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setValidator(new QRegularExpressionValidator(kYuanPattern, edit));
    edit->setAlignment(Qt::AlignRight);
    edit->setMaximumWidth(140);
    return edit;
}

QPushButton *actionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setMinimumHeight(36);
    return button;
}

} // namespace

ShiftPage::ShiftPage(const PosServices &services, QWidget *parent)
    : QWidget(parent)
    , m_shifts(services.shifts)
    , m_desk(services.receipts)
    , m_users(services.users)
    , m_staff(services.staff)
    , m_zone(services.checkout ? services.checkout->clock().zone() : ShopClock::defaultZone())
    , m_paper(services.receipts ? services.receipts->paperWidth() : PaperWidth::Mm58)
{
    Q_ASSERT(m_shifts);
    setObjectName(u"shiftPage"_s);
    buildUi();
    connectReceiptDesk();
    // Another window of this till (or this page) moved cash or closed the shift.
    connect(m_shifts, &ShiftBook::shiftChanged, this, [this] {
        if (isVisible())
            refresh();
    });
}

ShiftPage::~ShiftPage() = default;

void ShiftPage::buildUi()
{
    m_message = new QLabel(this);
    m_message->setObjectName(u"shiftMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    left->addWidget(buildShiftBox());
    left->addWidget(m_drawerBox = buildDrawerBox());
    if (m_staff.can(Permission::PrintZReport))
        left->addWidget(buildManagerBox());
    left->addWidget(m_message);
    left->addStretch();

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(buildReportPane());
}

QGroupBox *ShiftPage::buildShiftBox()
{
    auto *box = new QGroupBox(tr("This till's shift"), this);
    m_statusLabel = new QLabel(box);
    m_statusLabel->setObjectName(u"shiftStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setStyleSheet(u"font-size: 14pt; font-weight: bold;"_s);
    m_floatLabel = new QLabel(box);
    m_floatLabel->setObjectName(u"shiftFloatLabel"_s);
    m_salesLabel = new QLabel(box);
    m_salesLabel->setObjectName(u"shiftSalesLabel"_s);
    m_movementsLabel = new QLabel(box);
    m_movementsLabel->setObjectName(u"shiftMovementsLabel"_s);
    m_expectedLabel = new QLabel(box);
    m_expectedLabel->setObjectName(u"shiftExpectedLabel"_s);
    m_expectedLabel->setStyleSheet(u"font-size: 14pt; font-weight: bold;"_s);
    auto *figures = new QFormLayout;
    figures->addRow(tr("Float:"), m_floatLabel);
    figures->addRow(tr("Sales:"), m_salesLabel);
    figures->addRow(tr("Paid in / out:"), m_movementsLabel);
    figures->addRow(tr("Expected in the drawer:"), m_expectedLabel);

    // No shift yet: the float it starts with.
    m_openRow = new QWidget(box);
    m_floatEdit = yuanEdit(m_openRow, u"floatEdit"_s);
    m_floatEdit->setPlaceholderText(tr("e.g. 200"));
    auto *openButton = actionButton(tr("Open shift"), u"openShiftButton"_s, m_openRow);
    connect(openButton, &QPushButton::clicked, this, &ShiftPage::openShift);
    connect(m_floatEdit, &QLineEdit::returnPressed, this, &ShiftPage::openShift);
    auto *openLabel = new QLabel(tr("Starting &float (yuan):"), m_openRow);
    openLabel->setBuddy(m_floatEdit);
    auto *openLayout = new QHBoxLayout(m_openRow);
    openLayout->setContentsMargins(0, 0, 0, 0);
    openLayout->addWidget(openLabel);
    openLayout->addWidget(m_floatEdit);
    openLayout->addWidget(openButton);
    openLayout->addStretch();

    m_closeButton = actionButton(tr("Close shift (count the drawer)…"), u"closeShiftButton"_s, box);
    connect(m_closeButton, &QPushButton::clicked, this, &ShiftPage::closeShift);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_statusLabel);
    layout->addLayout(figures);
    layout->addWidget(m_openRow);
    layout->addWidget(m_closeButton, 0, Qt::AlignLeft);
    return box;
}

QGroupBox *ShiftPage::buildDrawerBox()
{
    auto *box = new QGroupBox(tr("Cash drawer"), this);
    m_amountEdit = yuanEdit(box, u"movementAmountEdit"_s);
    m_reasonEdit = new QLineEdit(box);
    m_reasonEdit->setObjectName(u"movementReasonEdit"_s);
    m_reasonEdit->setPlaceholderText(tr("Why, e.g. change from the safe, a delivery"));
    auto *paidIn = actionButton(tr("Paid in"), u"paidInButton"_s, box);
    auto *paidOut = actionButton(tr("Paid out"), u"paidOutButton"_s, box);
    connect(paidIn, &QPushButton::clicked, this, &ShiftPage::paidIn);
    connect(paidOut, &QPushButton::clicked, this, &ShiftPage::paidOut);
    auto *movementButtons = new QHBoxLayout;
    movementButtons->addWidget(paidIn);
    movementButtons->addWidget(paidOut);
    movementButtons->addStretch();

    m_noSaleReasonEdit = new QLineEdit(box);
    m_noSaleReasonEdit->setObjectName(u"noSaleReasonEdit"_s);
    m_noSaleReasonEdit->setPlaceholderText(tr("Why the drawer must open"));
    auto *noSale = actionButton(tr("No sale (manager)…"), u"noSaleButton"_s, box);
    noSale->setEnabled(m_users != nullptr); // nobody could approve it
    connect(noSale, &QPushButton::clicked, this, &ShiftPage::noSale);
    connect(m_noSaleReasonEdit, &QLineEdit::returnPressed, this, &ShiftPage::noSale);

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Amount (yuan):"), m_amountEdit);
    form->addRow(tr("&Reason:"), m_reasonEdit);
    form->addRow(QString(), movementButtons);
    auto *noSaleButtons = new QHBoxLayout;
    noSaleButtons->addWidget(noSale);
    noSaleButtons->addStretch();
    form->addRow(tr("No-sale &reason:"), m_noSaleReasonEdit);
    form->addRow(QString(), noSaleButtons);
    return box;
}

QGroupBox *ShiftPage::buildManagerBox()
{
    auto *box = new QGroupBox(tr("Z-report (manager)"), this);
    auto *print = actionButton(tr("Print Z-report"), u"printZButton"_s, box);
    auto *reprint = actionButton(tr("Reprint Z-report…"), u"reprintZButton"_s, box);
    connect(print, &QPushButton::clicked, this, &ShiftPage::printZReport);
    connect(reprint, &QPushButton::clicked, this, &ShiftPage::reprintZReport);
    auto *layout = new QHBoxLayout(box);
    layout->addWidget(print);
    layout->addWidget(reprint);
    layout->addStretch();
    return box;
}

QWidget *ShiftPage::buildReportPane()
{
    auto *pane = new QWidget(this);
    m_reportCaption = new QLabel(tr("The last report shows here as it prints."), pane);
    m_reportCaption->setObjectName(u"shiftReportCaption"_s);
    m_reportCaption->setWordWrap(true);
    m_reportView = new QPlainTextEdit(pane);
    m_reportView->setObjectName(u"shiftReportView"_s);
    m_reportView->setReadOnly(true);
    m_reportView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_reportView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // As wide as the paper, with room for the frame and a scroll bar.
    const int paperPixels = m_reportView->fontMetrics().horizontalAdvance(u'0') * int(m_paper);
    m_reportView->setMinimumWidth(paperPixels + 48);
    m_printAgainButton = actionButton(tr("Print again"), u"printAgainButton"_s, pane);
    m_printAgainButton->setEnabled(false);
    connect(m_printAgainButton, &QPushButton::clicked, this, &ShiftPage::printAgain);
    m_printStatus = new QLabel(pane);
    m_printStatus->setObjectName(u"shiftPrintStatus"_s);
    m_printStatus->setWordWrap(true);
    auto *printRow = new QHBoxLayout;
    printRow->addWidget(m_printStatus, 1);
    printRow->addWidget(m_printAgainButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reportCaption);
    layout->addWidget(m_reportView, 1);
    layout->addLayout(printRow);
    return pane;
}

void ShiftPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // sales since the page was last looked at change what the drawer holds
}

void ShiftPage::refresh()
{
    auto current = m_shifts->currentShift();
    if (!current) {
        showMessage(tr("The shift cannot be read: %1").arg(current.error().message), true);
        return;
    }
    m_shift = *current;
    const bool open = m_shift.has_value();
    m_openRow->setVisible(!open);
    m_drawerBox->setEnabled(open);
    m_closeButton->setEnabled(open);
    if (!open) {
        m_statusLabel->setText(tr("No shift is open on till %1.").arg(m_shifts->terminalId()));
        for (QLabel *label : {m_floatLabel, m_salesLabel, m_movementsLabel, m_expectedLabel})
            label->setText(tr("—"));
        return;
    }
    m_statusLabel->setText(
        tr("Open since %1, by %2.")
            .arg(DisplayText::dateTime(m_shift->openedAt, m_zone), m_shift->cashier));
    m_floatLabel->setText(moneyText(m_shift->floatAmount));
    auto report = m_shifts->shiftReport(m_staff, m_shift->id);
    if (!report) {
        // Another cashier's shift: what it holds is theirs and the managers' to see.
        for (QLabel *label : {m_salesLabel, m_movementsLabel})
            label->setText(tr("—"));
        m_expectedLabel->setText(report.error().message);
        return;
    }
    const ShiftFigures &figures = report->figures;
    m_salesLabel->setText(tr("%1 — paid orders: %2, cash kept: %3")
                              .arg(moneyText(figures.salesAmount))
                              .arg(figures.salesCount)
                              .arg(moneyText(figures.cashSales)));
    m_movementsLabel->setText(
        tr("in %1, out %2, no-sales %3")
            .arg(moneyText(figures.paidInTotal), moneyText(figures.paidOutTotal))
            .arg(figures.noSaleCount));
    m_expectedLabel->setText(moneyText(report->expected));
}

void ShiftPage::openShift()
{
    const auto amount = parseYuan(m_floatEdit->text());
    if (!amount) {
        showMessage(tr("Enter the float the drawer starts with, in yuan (0 for none)."), true);
        m_floatEdit->setFocus();
        return;
    }
    auto opened = m_shifts->openShift(m_staff, *amount);
    if (!opened) {
        showMessage(tr("No shift was opened: %1").arg(opened.error().message), true);
        refresh();
        return;
    }
    m_floatEdit->clear();
    showMessage(tr("Shift opened by %1 with a float of %2.")
                    .arg(opened->cashier, moneyText(opened->floatAmount)),
                false);
    refresh();
}

void ShiftPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b3261e; font-weight: bold;"_s
                                   : u"color: #1b7f3a; font-weight: bold;"_s);
}

} // namespace shouyin
