// One list of the providers the till knows and the ones this shop takes.

#include "pay/providerregistry.h"
#include "scriptedprovider.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

class NamedProvider : public testing::ScriptedProvider
{
public:
    explicit NamedProvider(QString name, QString api = {})
        : m_name(std::move(name))
        , m_api(std::move(api))
    {}
    QString name() const override { return m_name; }
    QString api() const override { return m_api; }

private:
    QString m_name;
    QString m_api;
};

// A provider that says it can take payment codes.
class CodeProvider : public NamedProvider
{
public:
    CodeProvider()
        : NamedProvider(u"alipay"_s)
    {
        takesCodes = true;
    }
};

} // namespace

class TestProviderRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasADistinctNameKeyAndColour()
    {
        QSet<QString> names;
        QSet<int> keys;
        for (const ProviderKind &kind : ProviderRegistry::kinds()) {
            names.insert(kind.name);
            keys.insert(kind.chargeKey);
            QVERIFY(QByteArray(kind.displayName).size() > 0);
            QVERIFY(QByteArray(kind.appName).size() > 0);
            QVERIFY2(kind.colour.startsWith(u'#') && kind.colour.size() == 7,
                     qPrintable(kind.colour));
            QCOMPARE(ProviderRegistry::kind(kind.name), &kind);
        }
        QCOMPARE(names.size(), ProviderRegistry::kinds().size());
        QCOMPARE(keys.size(), ProviderRegistry::kinds().size());
        QVERIFY(names.contains(u"wechat"_s) && names.contains(u"alipay"_s));
        QCOMPARE(ProviderRegistry::kind(u"paypal"), nullptr);
    }

    void theFirstOfferedIsTheDefaultUntilAnotherIsChosen()
    {
        NamedProvider wechat(u"wechat"_s);
        NamedProvider alipay(u"alipay"_s);
        ProviderRegistry registry{&wechat, &alipay};
        QCOMPARE(registry.defaultProvider(), &wechat);
        registry.setDefault(u"alipay");
        QCOMPARE(registry.defaultProvider(), &alipay);
        registry.setDefault(u"paypal"); // not one of ours: nothing changes
        QCOMPARE(registry.defaultProvider(), &alipay);
        QCOMPARE(registry.offered(), (QList<PaymentProvider *>{&wechat, &alipay}));
    }

    void aProviderNotOfferedStillSettlesButNeverCharges()
    {
        NamedProvider wechat(u"wechat"_s);
        NamedProvider alipay(u"alipay"_s);
        ProviderRegistry registry;
        registry.add(wechat, false);
        registry.add(alipay);
        QCOMPARE(registry.find(u"wechat"), &wechat);
        QCOMPARE(registry.offered(u"wechat"), nullptr);
        QCOMPARE(registry.defaultProvider(), &alipay);
        registry.setDefault(u"wechat");
        QCOMPARE(registry.defaultProvider(), &alipay);
        QCOMPARE(registry.offered(), QList<PaymentProvider *>{&alipay});
    }

    void aTradeIsSettledThroughTheApiItWasMadeWith()
    {
        // A shop that moved to v3: v2 settles the trades it started, v3 takes new ones.
        NamedProvider v3(u"wechat"_s, u"v3"_s);
        NamedProvider v2(u"wechat"_s, u"v2"_s);
        NamedProvider alipay(u"alipay"_s);
        ProviderRegistry registry;
        registry.add(v3);
        registry.add(v2, false);
        registry.add(alipay);
        QCOMPARE(registry.offered(u"wechat"), &v3);
        QCOMPARE(registry.find(u"wechat", u"v2"), &v2);
        QCOMPARE(registry.find(u"wechat", u"v3"), &v3);
        QCOMPARE(registry.find(u"alipay", u""), &alipay);
        // Never another api's provider in its place: it would not know the trade.
        QCOMPARE(registry.find(u"wechat", u""), nullptr);
        QCOMPARE(registry.find(u"alipay", u"v3"), nullptr);
    }

    void nothingOfferedIsNoDefault()
    {
        ProviderRegistry registry;
        QCOMPARE(registry.defaultProvider(), nullptr);
        QCOMPARE(registry.find(u"wechat"), nullptr);
    }

    void capabilitiesComeFromTheProvider()
    {
        NamedProvider qrOnly(u"wechat"_s);
        CodeProvider codes;
        QCOMPARE(ProviderRegistry::capabilities(qrOnly),
                 ProviderCapabilities(ProviderCapability::QrPayments));
        QCOMPARE(ProviderRegistry::capabilities(codes),
                 ProviderCapability::QrPayments | ProviderCapability::CodePayments);
        QVERIFY(!(ProviderRegistry::capabilities(codes) & ProviderCapability::Refunds));
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestProviderRegistry)
#include "tst_providerregistry.moc"
