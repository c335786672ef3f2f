#include "receiptsettingsbox.h"

#include "auth/settingseditor.h"
#include "config/printerconfig.h"
#include "receiptdesk.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// The kinds of printer as the combo offers them, by the prefix of their spelling.
constexpr auto kNotSet = "";
constexpr auto kNone = "none";
constexpr auto kNetwork = "tcp://";
constexpr auto kUsb = "file:";
constexpr auto kSerial = "serial:";
constexpr auto kSystem = "system";
constexpr auto kPdf = "pdf:";

} // namespace

ReceiptSettingsBox::ReceiptSettingsBox(QTimeZone zone, bool training, QWidget *parent)
    : QGroupBox(tr("Receipts"), parent)
    , m_zone(std::move(zone))
    , m_training(training)
{
    setObjectName(u"receiptSettings"_s);
    m_shopName = new QLineEdit(this);
    m_shopName->setObjectName(u"shopNameEdit"_s);
    m_shopAddress = new QLineEdit(this);
    m_shopAddress->setObjectName(u"shopAddressEdit"_s);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"printerKindCombo"_s);
    m_kind->addItem(tr("Not set (training: PDF files)"), QString::fromLatin1(kNotSet));
    m_kind->addItem(tr("No printer"), QString::fromLatin1(kNone));
    m_kind->addItem(tr("Receipt printer on the network"), QString::fromLatin1(kNetwork));
    m_kind->addItem(tr("Receipt printer on USB"), QString::fromLatin1(kUsb));
    m_kind->addItem(tr("Receipt printer on a serial port"), QString::fromLatin1(kSerial));
    m_kind->addItem(tr("A printer of this computer"), QString::fromLatin1(kSystem));
    m_kind->addItem(tr("PDF files in a folder"), QString::fromLatin1(kPdf));
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"printerAddressEdit"_s);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReceiptSettingsBox::updateAddressHint);
    m_paper = new QComboBox(this);
    m_paper->setObjectName(u"paperCombo"_s);
    m_paper->addItem(tr("58 mm"), u"58"_s);
    m_paper->addItem(tr("80 mm"), u"80"_s);
    m_policy = new QComboBox(this);
    m_policy->setObjectName(u"printPolicyCombo"_s);
    m_policy->addItem(tr("Every sale"), u"always"_s);
    m_policy->addItem(tr("Ask at every sale"), u"ask"_s);
    m_policy->addItem(tr("Never (reprint from History)"), u"never"_s);
    m_drawer = new QCheckBox(tr("The cash drawer is plugged into the receipt printer"), this);
    m_drawer->setObjectName(u"drawerCheck"_s);
    auto *test = new QPushButton(tr("Print a &test page"), this);
    test->setObjectName(u"printTestPageButton"_s);
    connect(test, &QPushButton::clicked, this, &ReceiptSettingsBox::printTestPage);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testPageResult"_s);
    m_testResult->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Shop name:"), m_shopName);
    form->addRow(tr("Address:"), m_shopAddress);
    form->addRow(tr("Printer:"), m_kind);
    form->addRow(tr("Where:"), m_address);
    form->addRow(tr("Paper:"), m_paper);
    form->addRow(tr("Print receipts:"), m_policy);
    form->addRow(m_drawer);
    form->addRow(test);
    form->addRow(m_testResult);
    updateAddressHint();
}

ReceiptSettingsBox::~ReceiptSettingsBox() = default;

void ReceiptSettingsBox::load(const ShopSettings &settings)
{
    m_shopName->setText(settings.shopName);
    m_shopAddress->setText(settings.shopAddress);
    const QString spelling = settings.receiptPrinter.trimmed();
    int kind = 0;
    QString address;
    for (int i = m_kind->count() - 1; i > 0; --i) {
        const QString prefix = m_kind->itemData(i).toString();
        if (spelling.startsWith(prefix)) {
            kind = i;
            address = spelling.mid(prefix.size());
            break;
        }
    }
    m_kind->setCurrentIndex(kind);
    if (address.startsWith(u':')) // system:NAME
        address.remove(0, 1);
    m_address->setText(address);
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(settings.paper)));
    m_policy->setCurrentIndex(std::max(0, m_policy->findData(settings.printReceipts)));
    m_drawer->setChecked(settings.drawer != u"none");
    m_testResult->clear();
}

QString ReceiptSettingsBox::receiptSetting() const
{
    const QString prefix = m_kind->currentData().toString();
    const QString address = m_address->text().trimmed();
    if (prefix == QLatin1StringView(kSystem))
        return address.isEmpty() ? prefix : prefix + u':' + address;
    if (prefix.isEmpty() || prefix == QLatin1StringView(kNone))
        return prefix;
    return prefix + address;
}

void ReceiptSettingsBox::store(ShopSettings &settings) const
{
    settings.shopName = m_shopName->text();
    settings.shopAddress = m_shopAddress->text();
    settings.receiptPrinter = receiptSetting();
    settings.paper = m_paper->currentData().toString();
    settings.printReceipts = m_policy->currentData().toString();
    settings.drawer = m_drawer->isChecked() ? u"printer"_s : u"none"_s;
}

void ReceiptSettingsBox::updateAddressHint()
{
    const QString prefix = m_kind->currentData().toString();
    const bool needsAddress =
        prefix != QLatin1StringView(kNotSet) && prefix != QLatin1StringView(kNone);
    m_address->setEnabled(needsAddress);
    m_drawer->setEnabled(prefix.startsWith(u"tcp") || prefix.startsWith(u"file") ||
                         prefix.startsWith(u"serial"));
    if (prefix == QLatin1StringView(kNetwork))
        m_address->setPlaceholderText(tr("e.g. 192.168.1.87:9100"));
    else if (prefix == QLatin1StringView(kUsb))
        m_address->setPlaceholderText(tr("e.g. /dev/usb/lp0"));
    else if (prefix == QLatin1StringView(kSerial))
        m_address->setPlaceholderText(tr("e.g. /dev/ttyUSB0@19200"));
    else if (prefix == QLatin1StringView(kSystem))
        m_address->setPlaceholderText(tr("The printer's name; empty: the default printer"));
    else if (prefix == QLatin1StringView(kPdf))
        m_address->setPlaceholderText(tr("A folder, e.g. /home/shop/receipts"));
    else
        m_address->setPlaceholderText({});
}

void ReceiptSettingsBox::printTestPage()
{
    auto parsed = PrinterConfig::forReceipt(receiptSetting());
    if (!parsed) {
        showResult(parsed.error().message, true);
        return;
    }
    PrinterConfig *config = &parsed.value();
    if (config->kind == PrinterConfig::Kind::None) {
        showResult(tr("Choose a printer first."), true);
        return;
    }
    config->paper =
        m_paper->currentData().toString() == u"80" ? PaperWidth::Mm80 : PaperWidth::Mm58;
    auto desk = ReceiptDesk::create(*config, nullptr, m_zone, m_training);
    if (!desk) {
        showResult(desk.error().message, true);
        return;
    }
    m_tester = std::move(desk).value();
    connect(m_tester.get(), &ReceiptDesk::testPagePrinted, this, [this](const QString &where) {
        showResult(tr("The test page went to %1.").arg(where), false);
    });
    connect(m_tester.get(), &ReceiptDesk::testPageFailed, this,
            [this](const QString &why) { showResult(why, true); });
    QStringList lines{tr("Shouyin test page")};
    if (const QString shop = m_shopName->text().trimmed(); !shop.isEmpty())
        lines.append(shop);
    if (m_training)
        lines.append(tr("Training"));
    m_tester->printTestPage(lines);
    showResult(tr("Printing…"), false);
}

void ReceiptSettingsBox::showResult(const QString &text, bool error)
{
    m_testResult->setText(text);
    m_testResult->setStyleSheet(error ? u"color: #b3261e;"_s : QString());
}

} // namespace shouyin
