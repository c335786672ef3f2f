#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace shouyin {

// Field name -> value, ordered by name: the shape of every WeChat Pay v2 message.
using Params = QMap<QString, QString>;

// The flat <xml><field>value</field>…</xml> documents of WeChat Pay v2.
//
// Decoding is deliberately strict: payment XML endpoints are a known target of
// external-entity and entity-expansion attacks, so a document with a DTD is refused,
// as are nesting, repeated fields, stray text and oversized input.
class FlatXml
{
public:
    static constexpr qsizetype kMaxDocumentBytes = 64 * 1024;
    static constexpr int kMaxFields = 256;

    // `root` is the document element: <xml> everywhere but in the encrypted req_info of a
    // refund notification, which is a <root>.
    static QByteArray encode(const Params &params, const QString &root = QStringLiteral("xml"));
    static Result<Params> decode(const QByteArray &document,
                                 const QString &root = QStringLiteral("xml"));
};

} // namespace shouyin
