#!/usr/bin/python3
"""PyTorch CPU side of `segue bench transformer`: the same two layers at the same sizes, forward+backward,
same thread count, median of timed runs, printed as sequences/s. Debian's python3-torch; no other deps.

XLNet layer: a hand transcription of Hugging Face XLNetRelativeAttention + XLNetFeedForward (attn_type
'bi', no mems/segments; the einsums as in HF) -- d 512, 2 heads x 256, FFN 2048, GELU, eps 0.03, dropout 0.1.
RTA decoder layer: nn.MultiheadAttention (causal + key padding) post-norm, extra norm2, GELU FFN 4096,
d 128, 8 heads, eps 1e-5, learned positions, dropout 0.1.
"""
import argparse, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class XLNetLayer(nn.Module):
    def __init__(self, d=512, n=2, dh=256, inner=2048, eps=0.03, p=0.1):
        super().__init__()
        self.q, self.k, self.v, self.o, self.r = (nn.Parameter(torch.randn(d, n, dh) * 0.02) for _ in range(5))
        self.r_w_bias = nn.Parameter(torch.randn(n, dh) * 0.02)
        self.r_r_bias = nn.Parameter(torch.randn(n, dh) * 0.02)
        self.ln1 = nn.LayerNorm(d, eps=eps)
        self.ln2 = nn.LayerNorm(d, eps=eps)
        self.l1, self.l2 = nn.Linear(d, inner), nn.Linear(inner, d)
        self.drop = nn.Dropout(p)
        self.scale = 1 / dh ** 0.5

    @staticmethod
    def rel_shift_bnij(x, klen):
        s = x.shape
        x = x.reshape(s[0], s[1], s[3], s[2])[:, :, 1:, :]
        return x.reshape(s[0], s[1], s[2], s[3] - 1)[:, :, :, :klen]

    def forward(self, h, pos):  # h [T, B, d] (HF layout), pos [2T, 1, d]
        q = torch.einsum("ibh,hnd->ibnd", h, self.q)
        k = torch.einsum("ibh,hnd->ibnd", h, self.k)
        v = torch.einsum("ibh,hnd->ibnd", h, self.v)
        kr = torch.einsum("ibh,hnd->ibnd", pos, self.r)
        ac = torch.einsum("ibnd,jbnd->bnij", q + self.r_w_bias, k)
        bd = torch.einsum("ibnd,jbnd->bnij", q + self.r_r_bias, kr.expand(-1, h.shape[1], -1, -1))
        bd = self.rel_shift_bnij(bd, klen=ac.shape[3])
        prob = self.drop(F.softmax((ac + bd) * self.scale, dim=3))
        vec = torch.einsum("bnij,jbnd->ibnd", prob, v)
        out = self.ln1(self.drop(torch.einsum("ibnd,hnd->ibh", vec, self.o)) + h)
        y = self.drop(self.l2(self.drop(F.gelu(self.l1(out)))))
        return self.ln2(y + out)


class RtaLayer(nn.Module):
    def __init__(self, d=128, heads=8, ff=4096, max_len=50, p=0.1):
        super().__init__()
        self.pos = nn.Embedding(max_len, d)
        self.attn = nn.MultiheadAttention(d, heads, dropout=p, batch_first=True)
        self.l1, self.l2 = nn.Linear(d, ff), nn.Linear(ff, d)
        self.n1, self.n2, self.n3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.drop, self.drop1, self.drop2 = nn.Dropout(p), nn.Dropout(p), nn.Dropout(p)

    def forward(self, x, kp):
        t = x.shape[1]
        x0 = x + self.pos.weight[:t]
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        a = self.attn(x0, x0, x0, attn_mask=causal, key_padding_mask=kp, need_weights=False)[0]
        x1 = self.n1(x0 + self.drop1(a))
        x2 = self.n2(x1)
        return self.n3(x2 + self.drop2(self.l2(self.drop(F.gelu(self.l1(x2))))))


def timed(fn, warmup, reps, batch):
    """Best of `reps` timed runs after `warmup` (the same statistic as `segue bench transformer`: on a
    shared machine the minimum is the run least disturbed by other load)."""
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(reps):
        s = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - s)
    return batch / min(ts)


def cpu_ms(fn, reps=5):
    """Best process CPU time (all threads) of `reps` runs, in ms: the work, independent of the share of
    the cores a loaded machine gives us. Run with OMP_WAIT_POLICY=PASSIVE so idle OpenMP threads do not
    spin (spinning would count as CPU time)."""
    best = float("inf")
    for _ in range(reps):
        c = time.process_time()
        fn()
        best = min(best, time.process_time() - c)
    return best * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--length", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--reps", type=int, default=10)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    B, T = a.batch, a.length
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, batch {B}, length {T}")

    xl = XLNetLayer().train()
    h = torch.randn(T, B, 512, requires_grad=True)
    g = torch.randn(T, B, 512)
    pos_seq = torch.arange(T, -T, -1.0)
    inv = 1 / (10000 ** (torch.arange(0, 512, 2.0) / 512))
    sin = torch.einsum("i,d->id", pos_seq, inv)
    pos = torch.cat([sin.sin(), sin.cos()], -1)[:, None, :]

    def xl_step():
        xl.zero_grad(set_to_none=True); h.grad = None
        xl(h, pos).backward(g)

    def xl_fwd():
        with torch.no_grad():
            xl(h, pos)

    rta = RtaLayer().train()
    x = torch.randn(B, T, 128, requires_grad=True)
    gx = torch.randn(B, T, 128)
    kp = torch.zeros(B, T, dtype=torch.bool)
    for b in range(B):
        kp[b, T - b % 5:] = True

    def rta_step():
        rta.zero_grad(set_to_none=True); x.grad = None
        rta(x, kp).backward(gx)

    def rta_fwd():
        with torch.no_grad():
            rta(x, kp)

    for name, step, fwd in (("xlnet", xl_step, xl_fwd), ("rta", rta_step, rta_fwd)):
        print(f"{name:6s} fwd+bwd {timed(step, a.warmup, a.reps, B):8.1f} seq/s   fwd {timed(fwd, a.warmup, a.reps, B):8.1f} seq/s   "
              f"process CPU per batch: fwd+bwd {cpu_ms(step):8.2f} ms, fwd {cpu_ms(fwd):8.2f} ms")


if __name__ == "__main__":
    main()
