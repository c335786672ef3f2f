#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

namespace shouyin {

// Hanzi to toneless lowercase pinyin through ICU's "Han-Latin" transliterator, for
// searching products the way a cashier types them: "kekoukele" or "kkkl" for 可口可乐.
//
// ICU gives one reading per character (its most common one): 银行 reads "yinxing" and
// 长城 "zhangcheng". The few readings its rules take from the next character (重庆
// "chongqing") are kept.
//
// Not thread-safe: an icu::Transliterator may not be shared between threads, and the
// per-character cache is mutable. Use one Pinyin per thread. A moved-from Pinyin may
// only be assigned to or destroyed.
class Pinyin
{
public:
    struct Keys
    {
        QString full;     // "kekoukele330ml"
        QString initials; // "kkkl330ml"
    };

    // Fails (ErrorCode::Unsupported) when this ICU lacks the Han-Latin data.
    static Result<Pinyin> create();

    Pinyin(Pinyin &&other) noexcept;
    Pinyin &operator=(Pinyin &&other) noexcept;
    ~Pinyin();

    // Every Han character's syllable, plus the input's letters and digits (full-width ones
    // made ASCII), lowercase; spaces, punctuation and tones dropped.
    // "可口可乐 330ml" → "kekoukele330ml".
    QString full(const QString &text);
    // The same with each Han syllable cut to its first letter: "农夫山泉 550ml" → "nfsq550ml".
    QString initials(const QString &text);
    // Both at once, for the price of one.
    Keys keys(const QString &text);

private:
    struct Impl;
    explicit Pinyin(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> d;
};

} // namespace shouyin
