#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

// tests/data holds copies of the published protocol vectors, so that a clone of the
// project tests itself. Where the published set is checked out beside the project, each
// copy must still be byte for byte what was published; where it is not, there is
// nothing to compare and the suite skips.
class TestTestData : public QObject
{
    Q_OBJECT

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void copiesAreWhatWasPublished()
    {
        const QDir data(QStringLiteral(SHOUYIN_TEST_DATA_DIR));
        const QStringList copies = data.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY2(!copies.isEmpty(), qPrintable(data.path()));
        const QDir published(QStringLiteral(SHOUYIN_SHARED_VECTORS_DIR));
        if (!published.exists())
            QSKIP("the published vectors are not checked out beside the project");
        int compared = 0;
        for (const QString &name : copies) {
            if (!published.exists(name))
                continue; // a file of the project's own, not a copy
            QCOMPARE(contents(data.filePath(name)), contents(published.filePath(name)));
            ++compared;
        }
        QVERIFY2(compared > 0, "no file of tests/data has a published twin");
    }
};

QTEST_GUILESS_MAIN(TestTestData)
#include "tst_testdata.moc"
