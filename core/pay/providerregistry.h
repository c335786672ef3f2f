#pragma once

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>

namespace shouyin {

class PaymentProvider;

// What the till knows of a kind of provider, whether or not this shop has one: how it is
// stored, named and coloured, and the key that charges with it. Every screen, report and
// queue asks here instead of keeping its own list.
struct ProviderKind
{
    QString name;            // stored with each payment: "wechat"
    const char *displayName; // the payment method, translated in context "DisplayText"
    const char *appName;     // the app the customer scans with, same context
    QString colour;          // its brand colour, "#07c160"
    int chargeKey;           // a Qt::Key: charges with it when the shop takes several
};

enum class ProviderCapability {
    QrPayments = 0x1,   // the customer scans the till's QR (every provider)
    CodePayments = 0x2, // the till scans the customer's payment code
    Refunds = 0x4,
};
Q_DECLARE_FLAGS(ProviderCapabilities, ProviderCapability)
Q_DECLARE_OPERATORS_FOR_FLAGS(ProviderCapabilities)

// The shop's configured providers (not owned), in the order the counter offers them, and
// the one F12 charges with.
class ProviderRegistry
{
public:
    static const QList<ProviderKind> &kinds();
    static const ProviderKind *kind(QStringView name); // null: a name the till does not know

    ProviderRegistry() = default;
    // The first one is the default.
    ProviderRegistry(std::initializer_list<PaymentProvider *> providers);

    // `offered` false: the provider settles the payments it already has, but the counter
    // does not charge with it (a shop that no longer takes it).
    void add(PaymentProvider &provider, bool offered = true);
    // Ignored unless `name` is an offered provider.
    void setDefault(QStringView name);

    // Any added provider, offered or not (the first added of that name, whatever its api).
    PaymentProvider *find(QStringView name) const;
    // The one that speaks `api` (PaymentProvider::api()): what settles a stored payment,
    // made through that api. Null when the shop no longer has it configured.
    PaymentProvider *find(QStringView name, QStringView api) const;
    PaymentProvider *offered(QStringView name) const;
    PaymentProvider *defaultProvider() const; // null when nothing is offered
    const QList<PaymentProvider *> &offered() const { return m_offered; }

    static ProviderCapabilities capabilities(PaymentProvider &provider);

private:
    QList<PaymentProvider *> m_all;
    QList<PaymentProvider *> m_offered;
    PaymentProvider *m_default = nullptr;
};

} // namespace shouyin
