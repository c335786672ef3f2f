#include "catalog/pinyin.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Latin-ASCII folds what Han-Latin leaves (tone marks, ü, full-width letters) to ASCII.
constexpr char16_t kTransliterator[] = u"Han-Latin; Latin-ASCII; Lower";

bool isAsciiAlnum(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

QChar asciiLower(char32_t c)
{
    return QChar(char16_t(c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c));
}

bool isHan(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(UChar32(c), &status) == USCRIPT_HAN;
}

char32_t pointAt(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    return c.unicode();
}

qsizetype width(char32_t c)
{
    return QChar::requiresSurrogates(c) ? 2 : 1;
}

// The Han characters that ICU's rules read from their neighbours ("{重}' '?庆 > chóng"):
// only a run holding one of them needs ICU itself; the rest can come from the cache.
QSet<char32_t> contextualHan(const icu::Transliterator &transliterator)
{
    // A compound's own rules only name its parts ("::Han-Latin;"): read each part's.
    icu::UnicodeString rules;
    for (int32_t i = 0; i < transliterator.countElements(); ++i) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Transliterator &element = transliterator.getElement(i, status);
        icu::UnicodeString elementRules;
        if (U_SUCCESS(status))
            rules += element.toRules(elementRules, false);
    }
    const QStringView text(rules.getBuffer(), rules.length());
    QSet<char32_t> found;
    for (qsizetype open = text.indexOf(u'{'); open >= 0; open = text.indexOf(u'{', open + 1)) {
        const qsizetype close = text.indexOf(u'}', open);
        if (close < 0)
            break;
        const QStringView inside = text.sliced(open + 1, close - open - 1);
        for (qsizetype i = 0; i < inside.size(); i += width(pointAt(inside, i))) {
            if (isHan(pointAt(inside, i)))
                found.insert(pointAt(inside, i));
        }
    }
    return found;
}

} // namespace

struct Pinyin::Impl
{
    std::unique_ptr<icu::Transliterator> toLatin;
    QSet<char32_t> contextual;
    // ICU spends about 10 µs a character; a catalogue reuses a few thousand characters.
    QHash<char32_t, QString> cache;

    // ICU's output reduced to lowercase ASCII letters, digits and the spaces Han-Latin
    // puts between syllables.
    QString latin(QStringView text)
    {
        icu::UnicodeString buffer(text.utf16(), int32_t(text.size()));
        toLatin->transliterate(buffer);
        QString out;
        out.reserve(buffer.length());
        for (int32_t i = 0; i < buffer.length(); ++i) {
            const char16_t c = buffer.charAt(i);
            if (c == u' ' || isAsciiAlnum(c))
                out.append(asciiLower(c));
        }
        return out;
    }

    QString one(char32_t c)
    {
        auto it = cache.constFind(c);
        if (it == cache.cend())
            it = cache.insert(c, latin(QString::fromUcs4(&c, 1)).remove(u' '));
        return *it;
    }

    // One syllable per Han character of `run`, or none when ICU's output does not split
    // that way (a character it cannot read).
    QStringList syllables(QStringView run, qsizetype count)
    {
        QStringList split = latin(run).split(u' ', Qt::SkipEmptyParts);
        return split.size() == count ? split : QStringList();
    }
};

Pinyin::Pinyin(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

Pinyin::Pinyin(Pinyin &&other) noexcept = default;
Pinyin &Pinyin::operator=(Pinyin &&other) noexcept = default;
Pinyin::~Pinyin() = default;

Result<Pinyin> Pinyin::create()
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createInstance(
        icu::UnicodeString(kTransliterator), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator) {
        return Error(ErrorCode::Unsupported,
                     u"ICU cannot make the \"%1\" transliterator (%2): no pinyin search"_s.arg(
                         QStringView(kTransliterator), QLatin1StringView(u_errorName(status))));
    }
    auto impl = std::make_unique<Impl>();
    impl->contextual = contextualHan(*transliterator);
    impl->toLatin = std::move(transliterator);
    return Pinyin(std::move(impl));
}

QString Pinyin::full(const QString &text)
{
    return keys(text).full;
}

QString Pinyin::initials(const QString &text)
{
    return keys(text).initials;
}

Pinyin::Keys Pinyin::keys(const QString &text)
{
    Keys keys;
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        const char32_t c = pointAt(view, i);
        if (c < 0x80) {
            if (isAsciiAlnum(c)) {
                keys.full += asciiLower(c);
                keys.initials += asciiLower(c);
            }
            ++i;
            continue;
        }
        if (!isHan(c)) { // full-width letters and digits, accented Latin, Roman numerals
            const QString latin = d->one(c);
            keys.full += latin;
            keys.initials += latin;
            i += width(c);
            continue;
        }
        qsizetype end = i;
        qsizetype count = 0;
        bool contextual = false;
        while (end < view.size()) {
            const char32_t h = pointAt(view, end);
            if (!isHan(h))
                break;
            contextual = contextual || d->contextual.contains(h);
            ++count;
            end += width(h);
        }
        const QStringView run = view.sliced(i, end - i);
        const QStringList inContext = contextual ? d->syllables(run, count) : QStringList();
        qsizetype k = 0;
        for (qsizetype at = 0; at < run.size(); at += width(pointAt(run, at)), ++k) {
            const QString syllable =
                inContext.isEmpty() ? d->one(pointAt(run, at)) : inContext.at(k);
            if (!syllable.isEmpty()) {
                keys.full += syllable;
                keys.initials += syllable.front();
            }
        }
        i = end;
    }
    return keys;
}

} // namespace shouyin
