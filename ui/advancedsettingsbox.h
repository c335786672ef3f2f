#pragma once

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace shouyin {

class SettingsFields;
struct ShopSettings;

// The settings an integrator sets once — the notification listener and the addresses
// the providers are told, the gateways, the signature type, the gateway timeout —
// folded away under "Advanced" (unchecked: collapsed) so that a shop owner sees the
// merchant and the till first. A refused field here opens the fold.
class AdvancedSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    AdvancedSettingsBox(SettingsFields &fields, QWidget *parent = nullptr);

    bool isExpanded() const { return isChecked(); }
    void load(const ShopSettings &settings);
    void store(ShopSettings &settings) const;

private:
    QWidget *m_content = nullptr;
    QLineEdit *m_listen = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QLineEdit *m_alipayNotifyUrl = nullptr;
    QComboBox *m_signType = nullptr;
    QLineEdit *m_gateway = nullptr;
    QLineEdit *m_secapiGateway = nullptr;
    QLineEdit *m_alipayGateway = nullptr;
    QSpinBox *m_timeout = nullptr;
};

} // namespace shouyin
