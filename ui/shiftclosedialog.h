#pragma once

#include "shift/shiftrecords.h"

#include <QDialog>
#include <QMap>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace shouyin {

// The count at the end of a shift: how many of each note and coin the drawer holds, the
// total counted, what the drawer should hold and the difference (over or short), all as
// the counts are typed; a note for the manager. Enter moves to the next count, so that a
// count typed in a hurry never closes the shift: only the Close button does.
//
// The dialog records nothing: Close emits closeRequested(), and whoever opened it closes
// the shift, then accept()s the dialog, or showError()s why not with the count kept.
class ShiftCloseDialog : public QDialog
{
    Q_OBJECT
public:
    ShiftCloseDialog(const Shift &shift, Fen expected, QWidget *parent = nullptr);

    CashCount counts() const; // every denomination with at least one piece
    Fen counted() const { return countedAmount(counts()); }
    QString note() const;
    void showError(const QString &message);

Q_SIGNALS:
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateTotals();

    Fen m_expected;
    QMap<Fen, QSpinBox *> m_countBoxes;
    QMap<Fen, QLabel *> m_subtotals;
    QLabel *m_counted = nullptr;
    QLabel *m_difference = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace shouyin
