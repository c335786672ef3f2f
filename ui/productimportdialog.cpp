#include "productimportdialog.h"

#include "store/catalog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

ProductImportDialog::ProductImportDialog(Catalog *catalog, const Staff &staff, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_staff(staff)
    , m_fileLabel(new QLabel(tr("No file chosen yet."), this))
    , m_encodingLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_errorsTable(new QTableWidget(0, 2, this))
    , m_messageLabel(new QLabel(this))
    , m_readAgainButton(new QPushButton(tr("&Read again"), this))
    , m_importButton(new QPushButton(tr("&Import"), this))
{
    Q_ASSERT(m_catalog);
    setObjectName(u"productImportDialog"_s);
    setWindowTitle(tr("Import products from a CSV file"));
    resize(720, 480);
    m_fileLabel->setObjectName(u"importFileLabel"_s);
    m_fileLabel->setWordWrap(true);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_encodingLabel->setObjectName(u"importEncodingLabel"_s);
    m_summaryLabel->setObjectName(u"importSummaryLabel"_s);
    m_errorsTable->setObjectName(u"importErrorsTable"_s);
    m_errorsTable->setHorizontalHeaderLabels({tr("Line"), tr("Reason")});
    m_errorsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errorsTable->verticalHeader()->hide();
    m_errorsTable->horizontalHeader()->setStretchLastSection(true);
    m_messageLabel->setObjectName(u"importMessageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setVisible(false);

    auto *choose = new QPushButton(tr("C&hoose file…"), this);
    choose->setObjectName(u"chooseFileButton"_s);
    connect(choose, &QPushButton::clicked, this, &ProductImportDialog::chooseFile);
    m_readAgainButton->setObjectName(u"readAgainButton"_s);
    m_readAgainButton->setEnabled(false);
    connect(m_readAgainButton, &QPushButton::clicked, this, &ProductImportDialog::readAgain);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(choose);
    fileRow->addWidget(m_readAgainButton);

    auto *figures = new QFormLayout;
    figures->addRow(tr("Encoding:"), m_encodingLabel);
    figures->addRow(tr("Good rows:"), m_summaryLabel);

    m_importButton->setObjectName(u"importButton"_s);
    m_importButton->setEnabled(false);
    m_importButton->setAutoDefault(false);
    connect(m_importButton, &QPushButton::clicked, this, &ProductImportDialog::importPreview);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_importButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(figures);
    layout->addWidget(new QLabel(tr("Lines that cannot be imported:"), this));
    layout->addWidget(m_errorsTable, 1);
    layout->addWidget(m_messageLabel);
    layout->addWidget(buttons);
}

void ProductImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import products"),
                                                      m_path.isEmpty() ? QDir::homePath() : m_path,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ProductImportDialog::setFile(const QString &path)
{
    m_path = path;
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    m_readAgainButton->setEnabled(!path.isEmpty());
    readAgain();
}

void ProductImportDialog::readAgain()
{
    m_preview.reset();
    m_messageLabel->setVisible(false);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        showPreview();
        showMessage(
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()),
            true);
        return;
    }
    // One byte past the limit is enough for the parser to refuse a file that is too large.
    const QByteArray bytes = file.read(CatalogCsv::kMaxBytes + 1);
    Result<CatalogPreview> preview = m_catalog->previewCsv(bytes);
    if (!preview) {
        showPreview();
        showMessage(preview.error().message, true);
        return;
    }
    m_preview = std::move(preview).value();
    showPreview();
}

void ProductImportDialog::showPreview()
{
    const bool read = m_preview.has_value();
    m_encodingLabel->setText(read ? CatalogCsv::encodingName(m_preview->encoding) : QString());
    m_summaryLabel->setText(read ? QString::number(m_preview->rows.size()) : QString());
    const QList<CatalogLineError> errors = read ? m_preview->errors : QList<CatalogLineError>();
    m_errorsTable->setRowCount(int(errors.size()));
    for (int row = 0; row < errors.size(); ++row) {
        auto *line = new QTableWidgetItem(QString::number(errors.at(row).line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_errorsTable->setItem(row, 0, line);
        m_errorsTable->setItem(row, 1, new QTableWidgetItem(errors.at(row).reason));
    }
    m_errorsTable->resizeColumnToContents(0);
    m_importButton->setEnabled(read && m_preview->isClean() && !m_preview->rows.isEmpty());
    if (read && !m_preview->isClean())
        showMessage(tr("%n line(s) cannot be imported. Fix the file, then read it again.", "",
                       int(errors.size())),
                    true);
}

void ProductImportDialog::importPreview()
{
    if (!m_preview || !m_preview->isClean())
        return;
    const int rows = int(m_preview->rows.size());
    if (Status done = m_catalog->importPreview(*m_preview, m_staff); !done) {
        showMessage(done.error().message, true);
        return;
    }
    // Importing the same preview twice would only rewrite it; read the file again instead.
    m_preview.reset();
    m_importButton->setEnabled(false);
    showMessage(tr("Imported %n product(s).", "", rows), false);
    Q_EMIT imported(rows);
}

void ProductImportDialog::showMessage(const QString &text, bool error)
{
    m_messageLabel->setStyleSheet(error ? u"color: #b3261e;"_s : u"color: #1b5e20;"_s);
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(true);
}

} // namespace shouyin
