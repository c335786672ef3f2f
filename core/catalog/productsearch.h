#pragma once

#include "catalog/pinyin.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace shouyin {

// What the search knows of a product.
struct SearchEntry
{
    qint64 id = 0;
    QString barcode;
    QString name;
};

// The product list's search box over a whole shop catalogue (tens of thousands of
// products) in memory: by barcode prefix, by name, and by the pinyin a cashier types
// for a Chinese name, in full ("kekou") or by initials ("kkkl" for 可口可乐). Digits
// match a barcode's start, or its last four or more digits (read off a worn label).
//
// A query is split at spaces and every word must match; case and full-width forms do
// not matter. Results come exact barcode first, then products where a word starts the
// barcode, name, initials or pinyin, then the rest; within each, by name in pinyin
// order, then by id.
//
// find() is const and may run on several threads at once; reset(), upsert() and remove()
// need the index to themselves (they use the Pinyin, which is single-threaded).
class ProductSearch
{
public:
    static Result<ProductSearch> create();
    explicit ProductSearch(Pinyin pinyin);

    void reset(const QList<SearchEntry> &entries);
    // Adds the product, or replaces the one with its id.
    void upsert(const SearchEntry &entry);
    void remove(qint64 id);

    // Ids of at most `limit` products matching `query`, best first.
    QList<qint64> find(const QString &query, int limit = 50) const;
    qsizetype size() const { return m_byId.size(); }

private:
    // The keys, in UTF-8, as one record per slot in each of two haystacks: "name\n" in
    // m_names, "initials␟pinyin\n" in m_pinyinKeys (no search word holds a separator).
    struct Haystack
    {
        QByteArray text;
        std::vector<qsizetype> starts; // each slot's record
    };
    struct Slot
    {
        qint64 id = 0;
        QString name;
        QByteArray barcode; // folded like the keys
        quint64 order = 0;
        qsizetype nameAt = 0, nameEnd = 0;         // in m_names
        qsizetype initials = 0, full = 0, end = 0; // in m_pinyinKeys
        bool live = true;
    };
    enum Tier : quint8 { ExactBarcode, Prefix, Infix, NoMatch };
    using Found = std::pair<qsizetype, Tier>; // slot, best tier

    static constexpr qsizetype kBarcodeEndingDigits = 4;
    static bool isBarcodeEnding(QByteArrayView word);

    void append(const SearchEntry &entry);
    void retire(qsizetype index);
    void compact();
    QByteArrayView fullOf(const Slot &slot) const;
    Tier textTier(const Slot &slot, QByteArrayView word, bool pinyinWord) const;
    Tier tier(const Slot &slot, QByteArrayView word) const;
    void scan(QByteArrayView word, std::vector<Tier> &tiers) const;
    bool before(const Found &a, const Found &b) const;

    Pinyin m_pinyin;
    Haystack m_names;
    Haystack m_pinyinKeys;
    std::vector<Slot> m_slots;
    std::vector<std::pair<QByteArray, qsizetype>> m_barcodes; // sorted, live slots only
    QHash<qint64, qsizetype> m_byId;                          // live slots
};

} // namespace shouyin
