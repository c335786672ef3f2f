#include "historypage.h"

#include "displaytext.h"
#include "exportprogressdialog.h"
#include "historymodel.h"
#include "orderdetaildialog.h"
#include "pay/providerregistry.h"
#include "report/historyquery.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

void fillChoices(QComboBox *combo, const QString &allText,
                 const QList<std::pair<QString, QString>> &choices)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(allText, QString());
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

HistoryPage::HistoryPage(HistoryQuery *history, const Staff &staff, ShopClock clock,
                         QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_clock(std::move(clock))
    , m_staff(staff)
    , m_model(new HistoryModel(history, this))
{
    buildUi();
    reloadChoices();
    search();
}

void HistoryPage::buildUi()
{
    const QDate today = m_clock.today();
    m_filterDay = today;
    m_allDates = new QCheckBox(tr("All dates"), this);
    m_allDates->setObjectName(u"allDatesCheck"_s);
    m_fromDate = new QDateEdit(today, this);
    m_fromDate->setObjectName(u"fromDate"_s);
    m_toDate = new QDateEdit(today, this);
    m_toDate->setObjectName(u"toDate"_s);
    for (QDateEdit *edit : {m_fromDate, m_toDate}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        connect(edit, &QDateEdit::dateChanged, this, &HistoryPage::search);
    }
    connect(m_allDates, &QCheckBox::toggled, this, [this](bool all) {
        m_fromDate->setEnabled(!all);
        m_toDate->setEnabled(!all);
        search();
    });

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(u"statusCombo"_s);
    // Each choice carries the status's stored word, as the other filters carry theirs.
    m_statusCombo->addItem(tr("All statuses"), QString());
    for (const HistoryStatus status :
         {HistoryStatus::Paid, HistoryStatus::AwaitingPayment, HistoryStatus::Cancelling,
          HistoryStatus::Cancelled, HistoryStatus::Expired})
        m_statusCombo->addItem(DisplayText::orderStatus(status), QString(sqlText(status)));
    m_providerCombo = new QComboBox(this);
    m_providerCombo->setObjectName(u"providerCombo"_s);
    m_cashierCombo = new QComboBox(this);
    m_cashierCombo->setObjectName(u"cashierCombo"_s);
    m_terminalCombo = new QComboBox(this);
    m_terminalCombo->setObjectName(u"terminalCombo"_s);
    for (QComboBox *combo : {m_statusCombo, m_providerCombo, m_cashierCombo, m_terminalCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::activated, this, &HistoryPage::search);
    }

    m_orderNoEdit = new QLineEdit(this);
    m_orderNoEdit->setObjectName(u"orderNoEdit"_s);
    m_orderNoEdit->setPlaceholderText(tr("Order no or its beginning"));
    m_orderNoEdit->setClearButtonEnabled(true);
    connect(m_orderNoEdit, &QLineEdit::returnPressed, this, &HistoryPage::search);

    m_searchButton = new QPushButton(tr("Se&arch"), this);
    m_searchButton->setObjectName(u"searchButton"_s);
    connect(m_searchButton, &QPushButton::clicked, this, &HistoryPage::search);
    auto *resetButton = new QPushButton(tr("&Reset"), this);
    resetButton->setObjectName(u"resetButton"_s);
    connect(resetButton, &QPushButton::clicked, this, &HistoryPage::resetFilters);

    m_view = new QTableView(this);
    m_view->setObjectName(u"historyView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && m_stale)
            refresh();
    });
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Widths from typical content, once: resizing to contents would read every row.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    m_view->setColumnWidth(HistoryModel::OrderNoColumn, width(u"T01-20261123-0000"_s));
    m_view->setColumnWidth(HistoryModel::CreatedColumn, width(u"2026-11-23 00:00:00"_s));
    m_view->setColumnWidth(HistoryModel::TerminalColumn, width(tr("Terminal")));
    m_view->setColumnWidth(HistoryModel::CashierColumn, width(u"收银员小王"_s));
    m_view->setColumnWidth(HistoryModel::StatusColumn, width(tr("Awaiting payment")));
    m_view->setColumnWidth(HistoryModel::AmountColumn, width(u"¥99,999.99"_s));
    m_view->setColumnWidth(HistoryModel::ProviderColumn, width(tr("WeChat Pay")));
    m_view->setColumnWidth(HistoryModel::AttemptsColumn, width(tr("Attempts")));
    connect(m_view, &QTableView::activated, this, &HistoryPage::openSelected);

    m_openButton = new QPushButton(tr("&Open order"), this);
    m_openButton->setObjectName(u"openButton"_s);
    connect(m_openButton, &QPushButton::clicked, this, &HistoryPage::openSelected);
    m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setVisible(m_staff.can(Permission::Export));
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryPage::exportCsv);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    // Room for a big store's figures, so the buttons never move as the count arrives.
    m_countLabel->setMinimumWidth(
        m_countLabel->fontMetrics().horizontalAdvance(
            tr("%1 of %2 orders shown")
                .arg(QLocale().toString(100000), QLocale().toString(10000000))) +
        8);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"historyMessage"_s);
    m_messageLabel->setWordWrap(true);
    connect(m_model, &HistoryModel::failed, this, &HistoryPage::showError);
    connect(m_model, &HistoryModel::pageLoaded, this, &HistoryPage::updateCountLabel);

    auto *filters = new QGridLayout;
    filters->addWidget(new QLabel(tr("From:"), this), 0, 0);
    filters->addWidget(m_fromDate, 0, 1);
    filters->addWidget(new QLabel(tr("to:"), this), 0, 2);
    filters->addWidget(m_toDate, 0, 3);
    filters->addWidget(m_allDates, 0, 4);
    filters->addWidget(new QLabel(tr("Order no:"), this), 0, 5);
    filters->addWidget(m_orderNoEdit, 0, 6, 1, 2);
    filters->addWidget(new QLabel(tr("Status:"), this), 1, 0);
    filters->addWidget(m_statusCombo, 1, 1);
    filters->addWidget(new QLabel(tr("Provider:"), this), 1, 2);
    filters->addWidget(m_providerCombo, 1, 3);
    filters->addWidget(new QLabel(tr("Cashier:"), this), 1, 4);
    filters->addWidget(m_cashierCombo, 1, 5);
    filters->addWidget(new QLabel(tr("Terminal:"), this), 1, 6);
    filters->addWidget(m_terminalCombo, 1, 7);
    filters->setColumnStretch(8, 1);
    filters->addWidget(m_searchButton, 0, 9);
    filters->addWidget(resetButton, 1, 9);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_countLabel);
    bottom->addWidget(m_messageLabel, 1);
    bottom->addWidget(m_openButton);
    bottom->addWidget(m_exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

void HistoryPage::reloadChoices()
{
    QList<std::pair<QString, QString>> providers;
    for (const ProviderKind &kind : ProviderRegistry::kinds())
        providers.append({DisplayText::provider(kind.name), kind.name});
    QList<std::pair<QString, QString>> cashiers;
    QList<std::pair<QString, QString>> terminals;
    const auto orEmpty = [](const Result<QStringList> &list) {
        return list ? *list : QStringList();
    };
    if (m_staff.can(Permission::ViewAllHistory)) {
        for (const QString &name : orEmpty(m_history->providers(m_staff))) {
            if (!ProviderRegistry::kind(name))
                providers.append({DisplayText::provider(name), name});
        }
        for (const QString &name : orEmpty(m_history->cashiers(m_staff)))
            cashiers.append({name, name});
        for (const QString &id : orEmpty(m_history->terminals(m_staff)))
            terminals.append({id, id});
    }
    fillChoices(m_providerCombo, tr("All providers"), providers);
    fillChoices(m_terminalCombo, tr("All terminals"), terminals);
    if (m_staff.can(Permission::ViewAllHistory)) {
        fillChoices(m_cashierCombo, tr("All cashiers"), cashiers);
    } else {
        // A cashier's own orders only: nothing else to choose.
        m_cashierCombo->clear();
        m_cashierCombo->addItem(m_staff.name(), m_staff.name());
        m_cashierCombo->setEnabled(false);
        m_terminalCombo->setEnabled(terminals.size() > 0);
    }
}

HistoryFilter HistoryPage::currentFilter() const
{
    HistoryFilter filter;
    const QTimeZone zone = m_history->timeZone();
    if (!m_allDates->isChecked()) {
        QDate from = m_fromDate->date();
        QDate to = m_toDate->date();
        if (to < from)
            std::swap(from, to);
        filter.from = from.startOfDay(zone);
        filter.to = to.addDays(1).startOfDay(zone);
    }
    filter.status = historyStatusFromSql(m_statusCombo->currentData().toString());
    filter.provider = m_providerCombo->currentData().toString();
    filter.operatorName = m_cashierCombo->currentData().toString();
    filter.terminalId = m_terminalCombo->currentData().toString();
    filter.orderNo = m_orderNoEdit->text().trimmed();
    return filter;
}

void HistoryPage::refresh()
{
    // New orders come in at the top. A manager reading further down is not pulled back
    // there: the page follows once they scroll back up.
    if (m_view->verticalScrollBar()->value() > 0) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
    search();
    if (m_model->rowCount() > 0)
        m_view->selectRow(std::min(row, m_model->rowCount() - 1));
}

void HistoryPage::search()
{
    m_messageLabel->clear();
    m_total = -1;
    const HistoryFilter filter = currentFilter();
    m_model->setFilter(m_staff, filter);
    updateCountLabel();
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    // The total is counted once the first page is on screen: on a big store it can take
    // longer than the page, and nobody needs it to start reading. A newer search wins.
    const int generation = ++m_searchGeneration;
    QTimer::singleShot(0, this, [this, generation, filter] {
        if (generation != m_searchGeneration)
            return;
        auto total = m_history->count(m_staff, filter);
        m_total = total ? *total : -1;
        updateCountLabel();
    });
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (event->spontaneous())
        return; // the window came back: its pages were visible, and followed, all along
    // Orders are made while this page is hidden (on the counter, at another till), and
    // nobody reads them for a page nobody sees: it reads them as it comes into view, so
    // that "My orders" is never "0 of 0" until Search. A page left on "today" overnight
    // moves on to the new day.
    const QDate today = m_clock.today();
    if (today != m_filterDay && !m_allDates->isChecked() && m_fromDate->date() == m_filterDay &&
        m_toDate->date() == m_filterDay) {
        const QSignalBlocker blockFrom(m_fromDate);
        const QSignalBlocker blockTo(m_toDate);
        m_fromDate->setDate(today);
        m_toDate->setDate(today);
        m_filterDay = today;
    }
    refresh();
}

void HistoryPage::resetFilters()
{
    m_allDates->setChecked(false);
    const QDate today = m_clock.today();
    m_filterDay = today;
    m_fromDate->setDate(today);
    m_toDate->setDate(today);
    m_statusCombo->setCurrentIndex(0);
    m_providerCombo->setCurrentIndex(0);
    if (m_cashierCombo->isEnabled())
        m_cashierCombo->setCurrentIndex(0);
    m_terminalCombo->setCurrentIndex(0);
    m_orderNoEdit->clear();
    search();
}

void HistoryPage::updateCountLabel()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    if (m_total < 0)
        m_countLabel->setText(tr("%1 orders shown").arg(locale.toString(shown)));
    else
        m_countLabel->setText(
            tr("%1 of %2 orders shown").arg(locale.toString(shown), locale.toString(m_total)));
    m_exportButton->setEnabled(m_total != 0);
    m_openButton->setEnabled(shown > 0);
}

void HistoryPage::showError(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(u"color: #b3261e;"_s);
}

void HistoryPage::openSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 orderId = current.data(HistoryModel::kOrderIdRole).toLongLong();
    auto detail = m_history->detail(m_staff, orderId);
    if (!detail) {
        showError(detail.error().message);
        return;
    }
    auto *dialog = new OrderDetailDialog(*detail, m_history->timeZone(), m_receipts, this);
    dialog->setObjectName(u"orderDetailDialog"_s);
    dialog->offerRefunds(m_refundServices);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HistoryPage::exportCsv()
{
    if (m_export)
        return;
    const QString suggested =
        QDir::home().filePath(tr("orders-%1.csv").arg(m_clock.today().toString(u"yyyyMMdd"_s)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export orders to CSV"), suggested,
                                                      tr("CSV files (*.csv)"), nullptr,
                                                      QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    m_export = new ExportProgressDialog(*m_history, this);
    m_export->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_export, &ExportProgressDialog::exportFinished, this,
            [this](bool ok, qint64, const QString &message) {
                m_messageLabel->setText(message);
                m_messageLabel->setStyleSheet(ok ? QString() : u"color: #b3261e;"_s);
                Q_EMIT exportFinished(ok, message);
            });
    if (auto started = m_export->start(m_staff, currentFilter(), path); !started) {
        m_export->close();
        showError(started.error().message);
        Q_EMIT exportFinished(false, started.error().message);
    }
}

} // namespace shouyin
