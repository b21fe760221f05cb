"""Independent reference values for experiments/paper/fig4.yaml (not run by the build).

A second implementation, in Python/SciPy, of the quantities thermodiff computes, sharing no code
and few algorithms with it:
  * every flow in 1-D preserves quantiles, so the reverse and estimated processes at time t are
    x_t(u) = F_t^{-1}(u) and y_t(u) = F_t^{-1}(F_tau(G^{-1}(u))) (G: perturbed start), with F_t^{-1}
    found by vectorised bisection in log-CDF space (no ODE is integrated);
  * the velocity is nu_t(x) = -dF_t/dt(x) / p_t(x) (the 1-D continuity equation), not Eq. 96;
  * for OT, x_t = (1-t) x_0 + t T(x_0) directly;
  * D0 = chi^2 by scipy.integrate.quad in x; time integrals by 48-point Gauss-Legendre,
    quantile integrals by Gauss-Legendre panels in z = Phi^{-1}(u) split at the crossings.
Run:  python3 fig4_reference.py   (about five minutes); its output is fig4_reference.csv.
"""
import numpy as np
from scipy import integrate, optimize, special, stats

A, S = np.sqrt(0.35), 0.3
W = np.array([0.5, 0.5]); MU = np.array([A, -A]); SD = np.array([S, S])
C = np.sqrt(0.94)
PERTURBATIONS = {
    "gaussian-mean": ("gauss", (1.0, 1.0)),
    "gaussian-variance": ("gauss", (0.0, 0.8)),
    "gaussian-mixture": ("mix", (np.array([1, 1, 1]) / 3, np.array([-1 / C, 0, 1 / C]), np.array([0.3, 0.8, 0.3]) / C)),
    "uniform": ("unif", (-np.sqrt(3), np.sqrt(3))),
}

def sched(name, t):
    """m, m', sigma, sigma' at t (tau = 1)."""
    if name == "cosine":
        return np.cos(np.pi * t / 2), -np.pi / 2 * np.sin(np.pi * t / 2), np.sin(np.pi * t / 2), np.pi / 2 * np.cos(np.pi * t / 2)
    return 1 - t, -1.0, t, 1.0

def comps(name, t):
    m, dm, s, ds = sched(name, t)
    mu = m * MU; sd = np.sqrt(m * m * SD ** 2 + s * s)
    dmu = dm * MU; dsd = (m * dm * SD ** 2 + s * ds) / sd
    return mu, sd, dmu, dsd

def mix_logcdf(x, w, mu, sd):
    return special.logsumexp(np.log(w)[None, :] + stats.norm.logcdf((x[:, None] - mu) / sd), axis=1)

def mix_logsf(x, w, mu, sd):
    return special.logsumexp(np.log(w)[None, :] + stats.norm.logsf((x[:, None] - mu) / sd), axis=1)

def mix_quantile_of_score(z, w, mu, sd):
    """F^{-1}(Phi(z)) by bisection in log space (lower tail for z<0, upper for z>0)."""
    z = np.asarray(z, float)
    lo = np.min(mu[None, :] + sd[None, :] * z[:, None], axis=1) - 1e-12
    hi = np.max(mu[None, :] + sd[None, :] * z[:, None], axis=1) + 1e-12
    low = z <= 0
    tl = stats.norm.logcdf(z); tu = stats.norm.logsf(z)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        below = np.where(low, mix_logcdf(mid, w, mu, sd) < tl, mix_logsf(mid, w, mu, sd) > tu)
        lo = np.where(below, mid, lo); hi = np.where(below, hi, mid)
    return 0.5 * (lo + hi)

def start_quantile(kind, p, z):
    if kind == "gauss":
        return p[0] + p[1] * z
    if kind == "mix":
        return mix_quantile_of_score(z, *p)
    a, b = p
    return np.where(z <= 0, a + (b - a) * stats.norm.cdf(z), b - (b - a) * stats.norm.sf(z))

def start_pdf(kind, p, x):
    if kind == "gauss":
        return stats.norm.pdf(x, p[0], p[1])
    if kind == "mix":
        return np.sum(p[0] * stats.norm.pdf((x - p[1]) / p[2]) / p[2])
    return 1 / (p[1] - p[0]) if p[0] <= x <= p[1] else 0.0

def d0(kind, p):
    lo, hi = (p[0], p[1]) if kind == "unif" else (-14, 14)
    val, _ = integrate.quad(lambda x: start_pdf(kind, p, x) ** 2 / stats.norm.pdf(x), lo, hi, epsabs=1e-14, epsrel=1e-13, limit=400)
    return val - 1

def z_rule(breaks, order=24, width=0.25):
    pts = []
    for a, b in zip(breaks[:-1], breaks[1:]):
        n = max(1, int(np.ceil((b - a) / width)))
        for k in range(n):
            lo = a + (b - a) * k / n; hi = a + (b - a) * (k + 1) / n
            x, w = np.polynomial.legendre.leggauss(order)
            pts.append((0.5 * (hi - lo) * x + 0.5 * (hi + lo), 0.5 * (hi - lo) * w))
    z = np.concatenate([p[0] for p in pts]); w = np.concatenate([p[1] for p in pts]) * stats.norm.pdf(np.concatenate([p[0] for p in pts]))
    return z, w / w.sum()

def crossings(kind, p, R=9.0):
    zz = np.linspace(-R, R, 20000)  # even count: no node at exactly 0, where symmetric starts cross
    d = start_quantile(kind, p, zz) - zz
    idx = np.where(np.sign(d[:-1]) * np.sign(d[1:]) < 0)[0]
    return [optimize.brentq(lambda z: float(start_quantile(kind, p, np.array([z]))[0] - z), zz[i], zz[i + 1], xtol=1e-14) for i in idx]

def velocity(name, t, x):
    mu, sd, dmu, dsd = comps(name, t)
    xi = (x[:, None] - mu) / sd
    dF = np.sum(W * stats.norm.pdf(xi) * (-(dmu * sd + (x[:, None] - mu) * dsd) / sd ** 2), axis=1)
    p = np.sum(W * stats.norm.pdf(xi) / sd, axis=1)
    return -dF / p

def run(name, kind, p):
    R = 9.0
    z, wz = z_rule([-R] + crossings(kind, p, R) + [R])
    ytau = start_quantile(kind, p, z)
    D0 = d0(kind, p)
    if name == "ot":
        x0 = mix_quantile_of_score(z, W, MU, SD)                  # reverse: x_t = (1-t) x0 + t z
        y0 = mix_quantile_of_score(ytau, W, MU, SD)               # T^{-1}(y_tau)
        w1 = lambda t: np.sum(wz * np.abs((1 - t) * x0 + t * z - ((1 - t) * y0 + t * ytau)))
        W1g, W1i = w1(0.0), w1(1.0)
        eta = (W1g - W1i) ** 2 / D0
        return dict(D0=D0, W1_generated=W1g, W1_initial=W1i, eta=eta, c1=eta, c2=np.sum(wz * (z - x0) ** 2))
    tg, wt = np.polynomial.legendre.leggauss(48); tg = 0.5 * (tg + 1); wt = 0.5 * wt
    c1 = c2 = 0.0
    for t, w in zip(tg, wt):
        mu, sd, _, _ = comps(name, t)
        x = mix_quantile_of_score(z, W, mu, sd)
        y = mix_quantile_of_score(ytau, W, mu, sd)               # F_t^{-1}(Phi(y_tau)), F_tau = Phi
        vx, vy = velocity(name, t, x), velocity(name, t, y)
        rate = np.sum(wz * np.sign(x - y) * (vx - vy))
        c1 += w * rate ** 2 / D0; c2 += w * np.sum(wz * vx ** 2)
    W1g = np.sum(wz * np.abs(mix_quantile_of_score(z, W, MU, SD) - mix_quantile_of_score(ytau, W, MU, SD)))
    W1i = np.sum(wz * np.abs(z - ytau))
    return dict(D0=D0, W1_generated=W1g, W1_initial=W1i, eta=(W1g - W1i) ** 2 / D0, c1=c1, c2=c2)

if __name__ == "__main__":
    print("schedule,perturbation,D0,W1_generated,W1_initial,eta,c1,c2")
    for name in ["cosine", "cond-ot", "ot"]:
        for pert, (kind, p) in PERTURBATIONS.items():
            r = run(name, kind, p)
            print(",".join([name, pert] + [f"{v:.12g}" for v in r.values()]))
