"""PyTorch side of `segue bench train-step --model t4rec`: the same training step at the study's sizes
(100,000 items, batch 128, sessions of 20, d 512, 2 XLNet layers, 2 heads, FFN 2048, dropout 0.3,
Transformers4Rec masking with p 0.15, tied full-catalogue logits + bias over the masked positions only,
mean cross-entropy, clip 1.0, AdamW with weight decay 0). The XLNet layer is written after Hugging
Face's XLNetRelativeAttention / XLNetFeedForward (content stream, attn_type "bi"), as in
recsys/src/test/resources/fixtures/t4rec/make_fixture.py, with batched matmuls instead of einsum.

usage: /usr/bin/python3 bench/scripts/t4rec_train_step.py [--threads 2] [--steps 5] [--items 100000]
"""
import argparse, statistics, time
import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
p.add_argument("--steps", type=int, default=5)
p.add_argument("--items", type=int, default=100_000)
p.add_argument("--batch", type=int, default=128)
p.add_argument("--d", type=int, default=512)
p.add_argument("--max-len", type=int, default=20)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)
V, D, H, T, B, L, FF, EPS, DROP = a.items + 1, a.d, 2, a.max_len, a.batch, 2, 4 * a.d, 0.03, 0.3
DH = D // H


class XLNetLayer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        n = lambda *s: torch.nn.Parameter(torch.randn(*s) * 0.01)
        self.q, self.k, self.v, self.o, self.r = (n(D, H * DH) for _ in range(5))
        self.r_w_bias, self.r_r_bias = n(H, 1, DH), n(H, 1, DH)
        self.ln1, self.ln2 = torch.nn.LayerNorm(D, eps=EPS), torch.nn.LayerNorm(D, eps=EPS)
        self.l1, self.l2 = torch.nn.Linear(D, FF), torch.nn.Linear(FF, D)

    def forward(self, h, pe):  # h [B, T, D], pe [2T, D]
        heads = lambda x: x.view(B, T, H, DH).transpose(1, 2)       # [B, H, T, DH]
        q, k, v = heads(h @ self.q), heads(h @ self.k), heads(h @ self.v)
        kr = (pe @ self.r).view(2 * T, H, DH).transpose(0, 1)       # [H, 2T, DH]
        ac = (q + self.r_w_bias) @ k.transpose(-1, -2)              # [B, H, T, T]
        bd = (q + self.r_r_bias) @ kr.transpose(-1, -2)             # [B, H, T, 2T]
        bd = bd.reshape(B, H, 2 * T, T)[:, :, 1:, :].reshape(B, H, T, 2 * T - 1)[:, :, :, :T]  # rel_shift_bnij
        prob = F.dropout(torch.softmax((ac + bd) / DH ** 0.5, -1), DROP, self.training)
        out = (prob @ v).transpose(1, 2).reshape(B, T, D) @ self.o.T
        h = self.ln1(F.dropout(out, DROP, self.training) + h)
        y = F.dropout(self.l2(F.dropout(F.gelu(self.l1(h)), DROP, self.training)), DROP, self.training)
        return self.ln2(y + h)


class T4Rec(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Parameter(torch.randn(V, D) * 0.05)
        self.mask_emb = torch.nn.Parameter(torch.randn(D) * 0.001)
        self.layers = torch.nn.ModuleList(XLNetLayer() for _ in range(L))
        self.bias = torch.nn.Parameter(torch.zeros(V))
        inv = 1 / (10000 ** (torch.arange(0, D, 2.0) / D))
        s = torch.arange(T, -T, -1.0)[:, None] * inv[None]
        self.register_buffer("pe", torch.cat([s.sin(), s.cos()], -1))

    def forward(self, ids, mask):
        x = torch.where(mask[..., None], self.mask_emb, self.emb[ids])
        x = F.dropout(x, DROP, self.training)
        pe = F.dropout(self.pe, DROP, self.training)
        for l in self.layers:
            x = l(x, pe)
        x = F.dropout(x, DROP, self.training)
        rows = x[mask]                                   # masked positions only, as Transformers4Rec
        return F.cross_entropy(rows @ self.emb.T + self.bias, ids[mask])


def t4rec_mask(ids, p=0.15):
    nonpad = ids != 0
    m = (torch.rand(ids.shape) < p) & nonpad
    rows = torch.arange(ids.size(0))
    m[rows, torch.multinomial(nonpad.float(), 1).squeeze(1)] = True
    full = m.sum(1) == nonpad.sum(1)
    un = torch.multinomial(m.float(), 1).squeeze(1)
    m[rows[full], un[full]] = False
    return m


model = T4Rec()
opt = torch.optim.AdamW(model.parameters(), lr=5e-5, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)
times = []
for s in range(-2, a.steps):
    ids = torch.randint(1, V, (B, T))
    mask = t4rec_mask(ids)
    t0 = time.perf_counter()
    loss = model(ids, mask)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    opt.zero_grad(set_to_none=True)
    dt = time.perf_counter() - t0
    print(f"torch: step {s + 1}: {dt:.2f} s, {int(mask.sum())} masked, loss {loss.item():.4f}", flush=True)
    if s >= 0:
        times.append(dt)
med = statistics.median(times)
print(f"| T4Rec (PyTorch {torch.__version__}) | {V - 1:,} | {B} | {D} | {a.threads} | {med:.2f} | {B / med:.1f} |")
