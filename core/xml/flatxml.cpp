#include "flatxml.h"

#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace shouyin {

QByteArray FlatXml::encode(const Params &params, const QString &root)
{
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.writeStartElement(root);
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        writer.writeStartElement(it.key());
        // CDATA cannot contain "]]>"; such a value is written as escaped text instead.
        if (it.value().contains(u"]]>"_s))
            writer.writeCharacters(it.value());
        else
            writer.writeCDATA(it.value());
        writer.writeEndElement();
    }
    writer.writeEndElement();
    return out;
}

namespace {

Error xmlError(const QString &message)
{
    return Error{ErrorCode::XmlFormat, message};
}

} // namespace

Result<Params> FlatXml::decode(const QByteArray &document, const QString &root)
{
    if (document.size() > kMaxDocumentBytes)
        return xmlError(u"document larger than %1 bytes"_s.arg(kMaxDocumentBytes));

    QXmlStreamReader reader(document);
    Params params;
    int depth = 0;
    QString field;
    QString value;
    bool sawRoot = false;

    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            return xmlError(u"document type declarations are not accepted"_s);
        case QXmlStreamReader::EntityReference:
            return xmlError(u"entity references are not accepted"_s);
        case QXmlStreamReader::StartElement:
            ++depth;
            if (depth == 1) {
                if (sawRoot || reader.name() != root)
                    return xmlError(u"root element must be <%1>"_s.arg(root));
                sawRoot = true;
            } else if (depth == 2) {
                field = reader.name().toString();
                value.clear();
                if (params.contains(field))
                    return xmlError(u"field '%1' appears twice"_s.arg(field));
                if (params.size() >= kMaxFields)
                    return xmlError(u"more than %1 fields"_s.arg(kMaxFields));
            } else {
                return xmlError(u"nested element inside '%1'"_s.arg(field));
            }
            break;
        case QXmlStreamReader::Characters:
            if (depth == 2)
                value += reader.text();
            else if (!reader.isWhitespace())
                return xmlError(u"text outside a field"_s);
            break;
        case QXmlStreamReader::EndElement:
            if (depth == 2)
                params.insert(field, value);
            --depth;
            break;
        default:
            break; // declaration, comments and processing instructions carry no data
        }
    }
    if (reader.hasError())
        return xmlError(reader.errorString());
    if (!sawRoot)
        return xmlError(u"no <%1> root element"_s.arg(root));
    return params;
}

} // namespace shouyin
