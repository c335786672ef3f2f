#pragma once

#include "auth/staff.h"
#include "catalog/catalogcsv.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shouyin {

class Catalog;

// The catalogue import: a CSV file from a spreadsheet is read and previewed (its
// encoding, how many rows are good, every bad line with its reason), and only a clean
// preview can be imported. Nothing is written while any line is bad; the shopkeeper fixes
// the file and reads it again.
class ProductImportDialog : public QDialog
{
    Q_OBJECT
public:
    ProductImportDialog(Catalog *catalog, const Staff &staff, QWidget *parent = nullptr);

    // Reads and previews `path` (what "Choose file…" does after asking; tests call it).
    void setFile(const QString &path);
    QString file() const { return m_path; }

public Q_SLOTS:
    void chooseFile();
    void readAgain();
    void importPreview();

Q_SIGNALS:
    // Products were written: whoever shows them reads them again.
    void imported(int rows);

private:
    void showPreview();
    void showMessage(const QString &text, bool error);

    Catalog *m_catalog;
    Staff m_staff;
    QString m_path;
    std::optional<CatalogPreview> m_preview;

    QLabel *m_fileLabel;
    QLabel *m_encodingLabel;
    QLabel *m_summaryLabel;
    QTableWidget *m_errorsTable;
    QLabel *m_messageLabel;
    QPushButton *m_readAgainButton;
    QPushButton *m_importButton;
};

} // namespace shouyin
