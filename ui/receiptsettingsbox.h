#pragma once

#include <QGroupBox>
#include <QTimeZone>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace shouyin {

class ReceiptDesk;
struct ShopSettings;

// The Settings page's receipts: the shop's name and address on every receipt, which
// printer (an ESC/POS printer on the network, USB or a serial line; a printer of the
// system; PDF files), the paper, when to print, the cash drawer — and a test page on the
// printer as the form describes it, before anything is saved.
class ReceiptSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    // `zone` and `training` as the till runs: the test page says so.
    ReceiptSettingsBox(QTimeZone zone, bool training, QWidget *parent = nullptr);
    ~ReceiptSettingsBox() override;

    void load(const ShopSettings &settings);
    void store(ShopSettings &settings) const;
    // The `receipt=` spelling of what the form says.
    QString receiptSetting() const;

public Q_SLOTS:
    void printTestPage();

private:
    void updateAddressHint();
    void showResult(const QString &text, bool error);

    QTimeZone m_zone;
    bool m_training;
    QLineEdit *m_shopName = nullptr;
    QLineEdit *m_shopAddress = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_address = nullptr;
    QComboBox *m_paper = nullptr;
    QComboBox *m_policy = nullptr;
    QCheckBox *m_drawer = nullptr;
    QLabel *m_testResult = nullptr;
    // The printer a test page is on its way to; replaced by the next test.
    std::unique_ptr<ReceiptDesk> m_tester;
};

} // namespace shouyin
