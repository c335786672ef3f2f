#include "cashamounts.h"

namespace shouyin {

QList<Fen> quickCashAmounts(Fen due)
{
    if (due <= 0)
        return {};
    QList<Fen> amounts{due};
    for (const Fen note : {Fen(1000), Fen(5000), Fen(10000)}) {
        // The next multiple of the note at or above what is due: for ¥37.50, ¥40, ¥50
        // and ¥100. A note equal to the exact amount adds nothing.
        const Fen rounded = (due + note - 1) / note * note;
        if (rounded > amounts.last())
            amounts.append(rounded);
    }
    return amounts;
}

} // namespace shouyin
