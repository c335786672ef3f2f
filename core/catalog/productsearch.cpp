#include "catalog/productsearch.h"

#include <QStringList>

#include <algorithm>
#include <string.h> // memmem
#include <string_view>

namespace shouyin {

namespace {

constexpr char kField = '\x1f';
constexpr char kRecord = '\n';

// What both the keys and the query go through, so that neither case, full-width forms
// (an IME's "６９２") nor stray control characters (which would match a separator)
// matter.
QString fold(const QString &text)
{
    QString folded = text.normalized(QString::NormalizationForm_KC).toLower();
    for (QChar &c : folded) {
        if (c.unicode() < 0x20)
            c = u' ';
    }
    return folded.simplified();
}

// The first ten characters of a pinyin key ([0-9a-z]) packed in their order, so that
// sorting many results mostly compares integers.
quint64 orderKey(QStringView pinyin)
{
    quint64 key = 0;
    for (qsizetype i = 0; i < 10; ++i) {
        quint64 code = 0;
        if (i < pinyin.size()) {
            const char16_t c = pinyin.at(i).unicode();
            code = c <= u'9' ? c - u'0' + 1 : c - u'a' + 11;
        }
        key = key << 6 | code;
    }
    return key;
}

// glibc's memmem runs several times faster than Qt's search on this text. UTF-8 keeps
// it exact: a UTF-8 word can only match at the start of a character.
qsizetype indexOf(QByteArrayView haystack, QByteArrayView needle, qsizetype from)
{
    const void *at = memmem(haystack.data() + from, size_t(haystack.size() - from), needle.data(),
                            size_t(needle.size()));
    return at ? static_cast<const char *>(at) - haystack.data() : -1;
}

// One product's keys are short: memmem's set-up would cost more than a plain search.
bool contains(QByteArrayView text, QByteArrayView word)
{
    return std::string_view(text.data(), size_t(text.size()))
               .find(std::string_view(word.data(), size_t(word.size()))) != std::string_view::npos;
}

bool shorter(const QByteArray &a, const QByteArray &b)
{
    return a.size() < b.size();
}

// Pinyin keys hold [0-9a-z] only, and every such run of a name reappears whole in its
// pinyin: a word of these needs no look at the names, and any other word no look at
// the keys.
bool isPinyinWord(QByteArrayView word)
{
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

} // namespace

Result<ProductSearch> ProductSearch::create()
{
    Result<Pinyin> pinyin = Pinyin::create();
    if (!pinyin)
        return pinyin.error();
    return ProductSearch(std::move(pinyin).value());
}

ProductSearch::ProductSearch(Pinyin pinyin)
    : m_pinyin(std::move(pinyin))
{}

void ProductSearch::reset(const QList<SearchEntry> &entries)
{
    m_names = {};
    m_pinyinKeys = {};
    m_slots.clear();
    m_barcodes.clear();
    m_byId.clear();
    m_slots.reserve(size_t(entries.size()));
    for (const SearchEntry &entry : entries) {
        if (const auto it = m_byId.constFind(entry.id); it != m_byId.cend())
            retire(*it);
        append(entry);
    }
    compact();
}

void ProductSearch::upsert(const SearchEntry &entry)
{
    if (const auto it = m_byId.constFind(entry.id); it != m_byId.cend())
        retire(*it);
    append(entry);
    const Slot &slot = m_slots.back();
    if (!slot.barcode.isEmpty()) {
        const std::pair<QByteArray, qsizetype> key(slot.barcode, qsizetype(m_slots.size() - 1));
        m_barcodes.insert(std::upper_bound(m_barcodes.begin(), m_barcodes.end(), key), key);
    }
    // Replaced products leave dead slots behind; drop them once they outnumber the rest.
    if (m_slots.size() > size_t(2 * m_byId.size() + 64))
        compact();
}

void ProductSearch::remove(qint64 id)
{
    if (const auto it = m_byId.constFind(id); it != m_byId.cend())
        retire(*it);
    if (m_slots.size() > size_t(2 * m_byId.size() + 64))
        compact();
}

void ProductSearch::append(const SearchEntry &entry)
{
    const QString name = fold(entry.name);
    const Pinyin::Keys keys = m_pinyin.keys(name);
    Slot slot;
    slot.id = entry.id;
    slot.name = entry.name;
    slot.barcode = fold(entry.barcode).toUtf8();
    slot.order = orderKey(keys.full);
    m_names.starts.push_back(m_names.text.size());
    slot.nameAt = m_names.text.size();
    m_names.text += name.toUtf8();
    slot.nameEnd = m_names.text.size();
    m_names.text += kRecord;
    m_pinyinKeys.starts.push_back(m_pinyinKeys.text.size());
    slot.initials = m_pinyinKeys.text.size();
    m_pinyinKeys.text += keys.initials.toLatin1() + kField;
    slot.full = m_pinyinKeys.text.size();
    m_pinyinKeys.text += keys.full.toLatin1();
    slot.end = m_pinyinKeys.text.size();
    m_pinyinKeys.text += kRecord;
    m_byId.insert(entry.id, qsizetype(m_slots.size()));
    m_slots.push_back(std::move(slot));
}

void ProductSearch::retire(qsizetype index)
{
    Slot &slot = m_slots[size_t(index)];
    slot.live = false;
    m_byId.remove(slot.id);
    const std::pair<QByteArray, qsizetype> key(slot.barcode, index);
    const auto it = std::lower_bound(m_barcodes.begin(), m_barcodes.end(), key);
    if (it != m_barcodes.end() && *it == key)
        m_barcodes.erase(it);
}

// Rewrites the index without its dead slots, and sorts the barcodes afresh.
void ProductSearch::compact()
{
    Haystack names;
    Haystack pinyinKeys;
    names.text.reserve(m_names.text.size());
    pinyinKeys.text.reserve(m_pinyinKeys.text.size());
    std::vector<Slot> slots;
    slots.reserve(size_t(m_byId.size()));
    m_barcodes.clear();
    for (Slot &slot : m_slots) {
        if (!slot.live)
            continue;
        const qsizetype nameShift = names.text.size() - slot.nameAt;
        names.starts.push_back(names.text.size());
        names.text +=
            QByteArrayView(m_names.text).sliced(slot.nameAt, slot.nameEnd + 1 - slot.nameAt);
        slot.nameAt += nameShift;
        slot.nameEnd += nameShift;
        const qsizetype keyShift = pinyinKeys.text.size() - slot.initials;
        pinyinKeys.starts.push_back(pinyinKeys.text.size());
        pinyinKeys.text +=
            QByteArrayView(m_pinyinKeys.text).sliced(slot.initials, slot.end + 1 - slot.initials);
        slot.initials += keyShift;
        slot.full += keyShift;
        slot.end += keyShift;
        const qsizetype index = qsizetype(slots.size());
        m_byId.insert(slot.id, index);
        if (!slot.barcode.isEmpty())
            m_barcodes.emplace_back(slot.barcode, index);
        slots.push_back(std::move(slot));
    }
    std::sort(m_barcodes.begin(), m_barcodes.end());
    m_names = std::move(names);
    m_pinyinKeys = std::move(pinyinKeys);
    m_slots = std::move(slots);
}

QByteArrayView ProductSearch::fullOf(const Slot &slot) const
{
    return QByteArrayView(m_pinyinKeys.text).sliced(slot.full, slot.end - slot.full);
}

// Where `word` stands in the slot's name, or in its pinyin keys for a pinyin word.
ProductSearch::Tier ProductSearch::textTier(const Slot &slot, QByteArrayView word,
                                            bool pinyinWord) const
{
    if (!pinyinWord) {
        const QByteArrayView name =
            QByteArrayView(m_names.text).sliced(slot.nameAt, slot.nameEnd - slot.nameAt);
        return name.startsWith(word) ? Prefix : contains(name, word) ? Infix : NoMatch;
    }
    const QByteArrayView keys =
        QByteArrayView(m_pinyinKeys.text).sliced(slot.initials, slot.end - slot.initials);
    if (keys.startsWith(word) || fullOf(slot).startsWith(word))
        return Prefix;
    return contains(keys, word) ? Infix : NoMatch;
}

ProductSearch::Tier ProductSearch::tier(const Slot &slot, QByteArrayView word) const
{
    if (slot.barcode == word)
        return ExactBarcode;
    if (slot.barcode.startsWith(word))
        return Prefix;
    if (isBarcodeEnding(word) && slot.barcode.endsWith(word))
        return Infix;
    return textTier(slot, word, isPinyinWord(word));
}

// A cashier reads the last digits off a worn label (its first ones are the maker's, the
// same on every product of the brand); a shorter ending matches too much to help.
bool ProductSearch::isBarcodeEnding(QByteArrayView word)
{
    return word.size() >= kBarcodeEndingDigits &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Marks the tier of every live slot whose name (or, for a pinyin word, keys) holds `word`.
void ProductSearch::scan(QByteArrayView word, std::vector<Tier> &tiers) const
{
    const bool pinyinWord = isPinyinWord(word);
    const Haystack &haystack = pinyinWord ? m_pinyinKeys : m_names;
    // Matches come in order, so each one's record lies at or after the previous one's.
    auto start = haystack.starts.begin();
    for (qsizetype at = indexOf(haystack.text, word, 0); at >= 0;) {
        start = std::prev(std::upper_bound(start, haystack.starts.end(), at));
        const size_t index = size_t(start - haystack.starts.begin());
        const Slot &slot = m_slots[index];
        // The record's first match: at its start, or else the name holds it inside, and
        // the keys too unless the pinyin starts with it.
        if (slot.live && tiers[index] == NoMatch) {
            const bool prefix = at == *start || (pinyinWord && fullOf(slot).startsWith(word));
            tiers[index] = prefix ? Prefix : Infix;
        }
        const auto next = std::next(start);
        at = next == haystack.starts.end() ? -1 : indexOf(haystack.text, word, *next);
    }
}

bool ProductSearch::before(const Found &a, const Found &b) const
{
    if (a.second != b.second)
        return a.second < b.second;
    const Slot &x = m_slots[size_t(a.first)];
    const Slot &y = m_slots[size_t(b.first)];
    if (x.order != y.order)
        return x.order < y.order;
    if (const int c = fullOf(x).compare(fullOf(y)); c != 0)
        return c < 0;
    if (const int c = x.name.compare(y.name); c != 0)
        return c < 0;
    return x.id < y.id;
}

QList<qint64> ProductSearch::find(const QString &query, int limit) const
{
    QList<QByteArray> words;
    for (const QString &word : fold(query).split(u' ', Qt::SkipEmptyParts))
        words.append(word.toUtf8());
    if (words.isEmpty() || limit <= 0)
        return {};
    // The longest word is likely the rarest: look for it everywhere, then check the other
    // words only on what it found.
    const qsizetype first = std::max_element(words.begin(), words.end(), shorter) - words.begin();
    const QByteArrayView word = words.at(first);

    std::vector<Tier> tiers(m_slots.size(), NoMatch);
    auto code = std::lower_bound(m_barcodes.begin(), m_barcodes.end(), word,
                                 [](const std::pair<QByteArray, qsizetype> &entry,
                                    QByteArrayView w) { return QByteArrayView(entry.first) < w; });
    for (; code != m_barcodes.end() && code->first.startsWith(word); ++code)
        tiers[size_t(code->second)] = code->first.size() == word.size() ? ExactBarcode : Prefix;
    if (isBarcodeEnding(word)) {
        for (const auto &[barcode, index] : m_barcodes) {
            if (tiers[size_t(index)] == NoMatch && barcode.endsWith(word))
                tiers[size_t(index)] = Infix;
        }
    }

    scan(word, tiers);

    std::vector<Found> found;
    for (size_t index = 0; index < tiers.size(); ++index) {
        Tier best = tiers[index];
        for (qsizetype w = 0; best != NoMatch && w < words.size(); ++w) {
            if (w == first)
                continue;
            const Tier other = tier(m_slots[index], words.at(w));
            best = other == NoMatch ? NoMatch : std::min(best, other);
        }
        if (best != NoMatch)
            found.emplace_back(qsizetype(index), best);
    }

    const auto last = found.begin() + qsizetype(std::min(found.size(), size_t(limit)));
    std::partial_sort(found.begin(), last, found.end(),
                      [this](const Found &a, const Found &b) { return before(a, b); });
    QList<qint64> ids;
    ids.reserve(last - found.begin());
    for (auto it = found.begin(); it != last; ++it)
        ids.append(m_slots[size_t(it->first)].id);
    return ids;
}

} // namespace shouyin
