"""Writes the NumPy fixtures of PointFilesTest (run: python3 make_fixtures.py; NumPy 2.4.6 made them).

Every value is x[i, k] = i - 2.5 * k + 0.125, exact in float32 and float64, so the test can
write the expected values from the formula, independently of this script.
"""
import numpy as np

n, d = 7, 3
x = np.fromfunction(lambda i, k: i - 2.5 * k + 0.125, (n, d), dtype=np.float64)
np.save("points_f8.npy", x)                                  # '<f8', C order, format 1.0
np.save("points_f4_fortran.npy", np.asfortranarray(x.astype(np.float32)))   # '<f4', fortran_order True
np.save("points_be_f8.npy", x.astype(">f8"))                 # big-endian
np.save("points_1d.npy", x[:, 0].copy())                     # shape (n,)
with open("points_v2.npy", "wb") as f:                       # format 2.0
    np.lib.format.write_array(f, x, version=(2, 0))
np.save("points_int.npy", np.arange(6, dtype=np.int64).reshape(3, 2))   # unsupported dtype
np.savetxt("points_numpy.csv", x, delimiter=",", header="a,b,c")         # '# a,b,c' comment header
