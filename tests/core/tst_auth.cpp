// Users and PINs: PBKDF2 against a published vector, salted hashes in the table, sign-in,
// lockout after repeated wrong PINs, the first manager, and the permission rules that
// the core itself enforces.
#include "auth/pinhasher.h"
#include "auth/userstore.h"
#include "store/database.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void pbkdf2MatchesPublishedVector();
    void saltsAreRandomAndHashesDiffer();
    void pinShape_data();
    void pinShape();
    void defaultIsSlowAndStoredPerUser();
    void tableNeverHoldsThePin();
    void firstManagerOnlyOnce();
    void signIn();
    void wrongPinCountsDown();
    void lockoutAfterFiveWrongPins();
    void lockoutDoublesAndEnds();
    void rightPinResetsTheCount();
    void managerResetUnlocks();
    void inactiveUserCannotSignIn();
    void namesAreUnique();
    void permissionMatrix();
    void cashierCannotAdministerUsers();
    void lastManagerStays();

private:
    Staff signInOk(const QString &name, const QString &pin);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserStore> m_users;
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    Staff m_manager;
};

void TestAuth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = testing::openTestDatabase(m_dir->filePath(u"auth.sqlite"_s));
    m_users = std::make_unique<UserStore>(
        *m_db,
        UserStore::Options{1000, ShopClock(ShopClock::defaultZone(), [this] { return m_now; })});
    auto manager = m_users->createFirstManager(u"店长"_s, u"1234"_s);
    QVERIFY(manager.ok());
    m_manager = manager.value();
    QVERIFY(m_users->createUser(m_manager, u"alice"_s, Role::Cashier, u"246810"_s));
}

void TestAuth::cleanup()
{
    m_users.reset();
    m_db.reset();
    m_dir.reset();
}

Staff TestAuth::signInOk(const QString &name, const QString &pin)
{
    auto staff = m_users->signIn(name, pin);
    if (!staff) {
        qWarning("%s", qPrintable(staff.error().message));
        return {};
    }
    return staff.value();
}

void TestAuth::pbkdf2MatchesPublishedVector()
{
    // RFC 7914 §11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1 (first 32 bytes).
    QCOMPARE(PinHasher::hash(u"passwd", "salt", 1).toHex(),
             QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    // P = "Password", S = "NaCl", c = 80000.
    QCOMPARE(PinHasher::hash(u"Password", "NaCl", 80000).toHex(),
             QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"));
    QVERIFY(PinHasher::verify(u"passwd", "salt", 1,
                              QByteArray::fromHex("55ac046e56e3089fec1691c22544b605f94185216dde04"
                                                  "65e68b9d57c20dacbc")));
    QVERIFY(PinHasher::hash(u"1234", {}, 1).isEmpty());
    QVERIFY(PinHasher::hash(u"1234", "salt", 0).isEmpty());
}

void TestAuth::saltsAreRandomAndHashesDiffer()
{
    const QByteArray a = PinHasher::newSalt();
    const QByteArray b = PinHasher::newSalt();
    QCOMPARE(a.size(), PinHasher::kSaltBytes);
    QVERIFY(a != b);
    QVERIFY(PinHasher::hash(u"1234", a, 10) != PinHasher::hash(u"1234", b, 10));
    QVERIFY(!PinHasher::verify(u"1235", a, 10, PinHasher::hash(u"1234", a, 10)));
    QVERIFY(!PinHasher::verify(u"1234", a, 11, PinHasher::hash(u"1234", a, 10)));
}

void TestAuth::pinShape_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("ok");
    QTest::newRow("4 digits") << u"0000"_s << true;
    QTest::newRow("8 digits") << u"12345678"_s << true;
    QTest::newRow("3 digits") << u"123"_s << false;
    QTest::newRow("9 digits") << u"123456789"_s << false;
    QTest::newRow("letters") << u"12a4"_s << false;
    QTest::newRow("full-width digits") << u"１２３４"_s << false;
    QTest::newRow("space") << u"12 34"_s << false;
}

void TestAuth::pinShape()
{
    QFETCH(QString, pin);
    QFETCH(bool, ok);
    QCOMPARE(PinHasher::isWellFormed(pin), ok);
    const Status created = m_users->createUser(m_manager, u"u"_s + pin, Role::Cashier, pin);
    QCOMPARE(created.ok(), ok);
    if (!ok)
        QCOMPARE(created.error().code, ErrorCode::BadPin);
}

void TestAuth::defaultIsSlowAndStoredPerUser()
{
    QVERIFY(PinHasher::kDefaultIterations >= 600'000);
    UserStore defaults(*m_db);
    QVERIFY(defaults.createUser(m_manager, u"bob"_s, Role::Cashier, u"1357"_s));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(u"SELECT name, iterations FROM users ORDER BY id"_s));
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString() + u'=' + query.value(1).toString());
    QCOMPARE(rows, (QStringList{u"店长=1000"_s, u"alice=1000"_s, u"bob=600000"_s}));
    // Each user is checked with the iterations stored for them.
    QVERIFY(defaults.signIn(u"alice"_s, u"246810"_s).ok());
    QVERIFY(m_users->signIn(u"bob"_s, u"1357"_s).ok());
}

void TestAuth::tableNeverHoldsThePin()
{
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(u"SELECT pin_hash, pin_salt FROM users WHERE name = 'alice'"_s));
    QVERIFY(query.next());
    const QByteArray hash = QByteArray::fromHex(query.value(0).toString().toLatin1());
    const QByteArray salt = QByteArray::fromHex(query.value(1).toString().toLatin1());
    QCOMPARE(hash.size(), PinHasher::kHashBytes);
    QCOMPARE(salt.size(), PinHasher::kSaltBytes);
    QCOMPARE(hash, PinHasher::hash(u"246810", salt, 1000));
    QVERIFY(!query.value(0).toString().contains(u"246810"_s));
}

void TestAuth::firstManagerOnlyOnce()
{
    QVERIFY(m_users->hasUsers());
    const auto again = m_users->createFirstManager(u"intruder"_s, u"9999"_s);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::AlreadySetUp);
    QCOMPARE(m_users->activeUserNames(), (QStringList{u"店长"_s, u"alice"_s}));

    QTemporaryDir dir;
    auto fresh = testing::openTestDatabase(dir.filePath(u"fresh.sqlite"_s));
    UserStore users(*fresh, UserStore::Options{1000, {}});
    QVERIFY(!users.hasUsers());
    QVERIFY(!users.createFirstManager(u"店长"_s, u"12"_s).ok()); // PIN too short
    const auto first = users.createFirstManager(u" 店长 "_s, u"8888"_s);
    QVERIFY(first.ok());
    QCOMPARE(first->name(), u"店长"_s);
    QVERIFY(first->isManager());
}

void TestAuth::signIn()
{
    const Staff alice = signInOk(u"alice"_s, u"246810"_s);
    QVERIFY(alice.isSignedIn());
    QCOMPARE(alice.name(), u"alice"_s);
    QCOMPARE(alice.role(), Role::Cashier);
    QVERIFY(!alice.isManager());
    QVERIFY(signInOk(u"店长"_s, u"1234"_s).isManager());
    const auto unknown = m_users->signIn(u"nobody"_s, u"1234"_s);
    QCOMPARE(unknown.error().code, ErrorCode::UnknownUser);
}

void TestAuth::wrongPinCountsDown()
{
    const auto first = m_users->signIn(u"alice"_s, u"000000"_s);
    QCOMPARE(first.error().code, ErrorCode::WrongPin);
    QVERIFY2(first.error().message.contains(u"4 more attempt"_s),
             qPrintable(first.error().message));
    const auto second = m_users->signIn(u"alice"_s, u"000000"_s);
    QVERIFY(second.error().message.contains(u"3 more attempt"_s));
    // Another user's count is their own.
    QCOMPARE(m_users->signIn(u"店长"_s, u"0000"_s).error().message.contains(u"4 more"_s), true);
}

void TestAuth::lockoutAfterFiveWrongPins()
{
    for (int i = 0; i < UserStore::kMaxFailedAttempts - 1; ++i)
        QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::WrongPin);
    QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::Locked);
    // Locked: even the right PIN is refused, and guesses while locked do not count.
    QCOMPARE(m_users->signIn(u"alice"_s, u"246810"_s).error().code, ErrorCode::Locked);
    QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::Locked);
    const auto list = m_users->users(m_manager);
    QVERIFY(list.ok());
    QCOMPARE(list->at(1).name, u"alice"_s);
    QCOMPARE(list->at(1).failedAttempts, 5);
    QCOMPARE(list->at(1).lockedUntil, m_now.addSecs(5 * 60));
    // Others are not affected.
    QVERIFY(signInOk(u"店长"_s, u"1234"_s).isSignedIn());
}

void TestAuth::lockoutDoublesAndEnds()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(!m_users->signIn(u"alice"_s, u"000000"_s));
    m_now = m_now.addSecs(5 * 60 - 1);
    QCOMPARE(m_users->signIn(u"alice"_s, u"246810"_s).error().code, ErrorCode::Locked);
    m_now = m_now.addSecs(1);
    // The lock is over, but the count goes on: five more wrong PINs lock for 10 minutes.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::WrongPin);
    QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::Locked);
    QCOMPARE(m_users->users(m_manager)->at(1).lockedUntil, m_now.addSecs(10 * 60));
    m_now = m_now.addSecs(10 * 60);
    QVERIFY(signInOk(u"alice"_s, u"246810"_s).isSignedIn());
}

void TestAuth::rightPinResetsTheCount()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(!m_users->signIn(u"alice"_s, u"000000"_s));
    QVERIFY(signInOk(u"alice"_s, u"246810"_s).isSignedIn());
    QCOMPARE(m_users->users(m_manager)->at(1).failedAttempts, 0);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_users->signIn(u"alice"_s, u"000000"_s).error().code, ErrorCode::WrongPin);
}

void TestAuth::managerResetUnlocks()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(!m_users->signIn(u"alice"_s, u"000000"_s));
    QCOMPARE(m_users->signIn(u"alice"_s, u"246810"_s).error().code, ErrorCode::Locked);
    QVERIFY(m_users->resetPin(m_manager, u"alice"_s, u"112233"_s));
    QCOMPARE(m_users->signIn(u"alice"_s, u"246810"_s).error().code, ErrorCode::WrongPin);
    QVERIFY(signInOk(u"alice"_s, u"112233"_s).isSignedIn());
    QCOMPARE(m_users->resetPin(m_manager, u"nobody"_s, u"112233"_s).error().code,
             ErrorCode::UnknownUser);
}

void TestAuth::inactiveUserCannotSignIn()
{
    QVERIFY(m_users->setActive(m_manager, u"alice"_s, false));
    QCOMPARE(m_users->signIn(u"alice"_s, u"246810"_s).error().code, ErrorCode::Inactive);
    QCOMPARE(m_users->activeUserNames(), QStringList{u"店长"_s});
    QVERIFY(m_users->setActive(m_manager, u"alice"_s, true));
    QVERIFY(signInOk(u"alice"_s, u"246810"_s).isSignedIn());
}

void TestAuth::namesAreUnique()
{
    QCOMPARE(m_users->createUser(m_manager, u"alice"_s, Role::Manager, u"1111"_s).error().code,
             ErrorCode::NameTaken);
    QCOMPARE(m_users->createUser(m_manager, u"  "_s, Role::Cashier, u"1111"_s).error().code,
             ErrorCode::BadName);
    QCOMPARE(m_users->createUser(m_manager, u"a\tb"_s, Role::Cashier, u"1111"_s).error().code,
             ErrorCode::BadName);
}

void TestAuth::permissionMatrix()
{
    const Staff cashier = signInOk(u"alice"_s, u"246810"_s);
    const Staff nobody;
    const struct
    {
        Permission permission;
        bool cashier;
    } rules[] = {
        {Permission::Sell, true},
        {Permission::ViewOwnHistory, true},
        {Permission::ViewAllHistory, false},
        {Permission::ViewReports, false},
        {Permission::Export, false},
        {Permission::ChangeSettings, false},
        {Permission::ManageUsers, false},
        {Permission::OpenDrawer, false},
        {Permission::CloseAnyShift, false},
        {Permission::PrintZReport, false},
        {Permission::ApproveRefund, false},
        {Permission::ManageProducts, false},
        {Permission::ApproveDiscount, false},
    };
    for (const auto &rule : rules) {
        QCOMPARE(cashier.can(rule.permission), rule.cashier);
        QVERIFY(m_manager.can(rule.permission));
        QVERIFY(!nobody.can(rule.permission));
        QCOMPARE(nobody.require(rule.permission).error().code, ErrorCode::NotSignedIn);
    }
    QCOMPARE(cashier.require(Permission::Export).error().code, ErrorCode::Forbidden);
}

void TestAuth::cashierCannotAdministerUsers()
{
    const Staff cashier = signInOk(u"alice"_s, u"246810"_s);
    QCOMPARE(m_users->createUser(cashier, u"mallory"_s, Role::Manager, u"1111"_s).error().code,
             ErrorCode::Forbidden);
    QCOMPARE(m_users->resetPin(cashier, u"店长"_s, u"1111"_s).error().code, ErrorCode::Forbidden);
    QCOMPARE(m_users->setActive(cashier, u"店长"_s, false).error().code, ErrorCode::Forbidden);
    QCOMPARE(m_users->users(cashier).error().code, ErrorCode::Forbidden);
    QCOMPARE(m_users->createUser(Staff(), u"mallory"_s, Role::Manager, u"1111"_s).error().code,
             ErrorCode::NotSignedIn);
    QCOMPARE(m_users->activeUserNames(), (QStringList{u"店长"_s, u"alice"_s}));
    QVERIFY(signInOk(u"店长"_s, u"1234"_s).isSignedIn()); // PIN unchanged
}

void TestAuth::lastManagerStays()
{
    QCOMPARE(m_users->setActive(m_manager, u"店长"_s, false).error().code, ErrorCode::Self);
    QVERIFY(m_users->createUser(m_manager, u"副店长"_s, Role::Manager, u"4321"_s));
    const Staff deputy = signInOk(u"副店长"_s, u"4321"_s);
    QVERIFY(m_users->setActive(deputy, u"店长"_s, false));
    QCOMPARE(m_users->setActive(deputy, u"副店长"_s, false).error().code, ErrorCode::Self);
    QVERIFY(m_users->setActive(deputy, u"店长"_s, true));
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
