package org.thermodiff.plugins.distances;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;

/**
 * The monotone (quantile) coupling of two weighted clouds on the real line: optimal for every
 * convex cost {@code c(x − y)}, hence for W1 and W2 at once.
 *
 * <p>Walks the two clouds in increasing order, moving mass from the current source to the current
 * target until one is exhausted (north-west corner rule on sorted supports): {@code O(n + m)}
 * pairs, plus {@code O(n log n)} if a cloud is not already sorted. When both clouds are sorted and
 * carry identical weights — the quadrature clouds — the plan is the identity, {@code π_ii = w_i}.
 */
final class MonotoneCoupling {

    private MonotoneCoupling() {
    }

    static TransportPlan of(Cloud a, Cloud b) {
        return of(a.positions(), a.weights(), b.positions(), b.weights());
    }

    /** The coupling of the clouds {@code (x, wa)} and {@code (y, wb)} on the line. */
    static TransportPlan of(double[] x, double[] wa, double[] y, double[] wb) {
        int[] ia = order(x);
        int[] ib = order(y);
        if (ia == null && ib == null && (wa == wb || Arrays.equals(wa, wb))) {
            int[] identity = IntStream.range(0, x.length).toArray();
            return new TransportPlan(identity, identity.clone(), wa.clone());
        }
        int n = x.length;
        int m = y.length;
        int[] src = new int[n + m];
        int[] dst = new int[n + m];
        double[] mass = new double[n + m];
        int k = 0;
        int i = 0;
        int j = 0;
        double leftA = n > 0 ? wa[index(ia, 0)] : 0;
        double leftB = m > 0 ? wb[index(ib, 0)] : 0;
        while (i < n && j < m) {
            double moved = Math.min(leftA, leftB);
            src[k] = index(ia, i);
            dst[k] = index(ib, j);
            mass[k] = moved;
            k++;
            leftA -= moved;
            leftB -= moved;
            // Advance whichever side is exhausted; on a tie advance both, so rounding never leaves
            // a sliver of mass paired with the wrong partner.
            boolean doneA = leftA <= leftB;
            boolean doneB = leftB <= leftA;
            if (doneA && ++i < n) {
                leftA = wa[index(ia, i)];
            }
            if (doneB && ++j < m) {
                leftB = wb[index(ib, j)];
            }
        }
        return new TransportPlan(Arrays.copyOf(src, k), Arrays.copyOf(dst, k), Arrays.copyOf(mass, k));
    }

    private static int index(int[] order, int i) {
        return order == null ? i : order[i];
    }

    /** The sorting permutation of {@code x}, or {@code null} if it is already non-decreasing. */
    private static int[] order(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] < x[i - 1]) {
                return IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(k -> x[k]))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        return null;
    }
}
