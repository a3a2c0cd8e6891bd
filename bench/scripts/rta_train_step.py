"""PyTorch side of `segue bench train-step --model rta`: the same RTA training step at the study's sizes
(100,000 items, batch 128, windows of 11 songs, d 128, random item embeddings, one post-norm decoder
layer with 8 heads, FFN 4096, GELU, learned positions, the extra LayerNorm; causal mask) with the
reference code's MF-Transformer settings (deezer/APC-RTA best_params_rta.json): the loss over all
prefixes plus 10 easy + the 40 hardest of 1,000 candidates scored against the mean prefix
representation, dropout 0.13, clip 1.0, SGD with Nesterov momentum 0.9 and weight decay 1.53e-5 on every
parameter (so the dense 100,000 x 128 table is updated every step, as in the reference code).

usage: /usr/bin/python3 bench/scripts/rta_train_step.py [--threads 2] [--steps 10] [--items 100000]
"""
import argparse, statistics, time
import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
p.add_argument("--steps", type=int, default=10)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--items", type=int, default=100_000)
p.add_argument("--batch", type=int, default=128)
p.add_argument("--d", type=int, default=128)
p.add_argument("--len", type=int, default=11)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)
V, D, B, L, NNEG, NEASY, NHARD, P = a.items + 1, a.d, a.batch, a.len, 1000, 10, 40, 0.13


class Rta(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(V, D, padding_idx=0)
        torch.nn.init.normal_(self.emb.weight, 0, 0.05)
        self.pos = torch.nn.Embedding(L, D)
        self.attn = torch.nn.MultiheadAttention(D, 8, dropout=P, batch_first=True)
        self.l1, self.l2 = torch.nn.Linear(D, 4096), torch.nn.Linear(4096, D)
        self.n1, self.n2, self.n3 = torch.nn.LayerNorm(D), torch.nn.LayerNorm(D), torch.nn.LayerNorm(D)
        self.drop, self.drop1, self.drop2 = torch.nn.Dropout(P), torch.nn.Dropout(P), torch.nn.Dropout(P)

    def aggregate(self, x):  # x [B, T, D], no padding (full windows)
        t = x.shape[1]
        x0 = x + self.pos.weight[L - t:]
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        att = self.attn(x0, x0, x0, attn_mask=causal, need_weights=False)[0]
        x1 = self.n1(x0 + self.drop1(att))
        x2 = self.n2(x1)
        return self.n3(x2 + self.drop2(self.l2(self.drop(F.gelu(self.l1(x2))))))

    def loss(self, x, cand):
        e = self.emb(x)                                   # [B, L, D]
        h = self.aggregate(e[:, :-1])                     # [B, T, D]
        pos = -F.logsigmoid((h * e[:, 1:]).sum(-1)).mean()
        hbar = h.mean(1)                                  # [B, D]
        with torch.no_grad():
            sc = (self.emb(cand) * hbar.detach()[:, None]).sum(-1)
            hard = cand.gather(1, sc.topk(NHARD, 1).indices)
        neg_ids = torch.cat([cand[:, :NEASY], hard], 1)
        neg = -F.logsigmoid(-(self.emb(neg_ids) * hbar[:, None]).sum(-1)).mean()
        return pos + neg


m = Rta().train()
opt = torch.optim.SGD(m.parameters(), lr=1.0, momentum=0.9, nesterov=True, weight_decay=1.53e-5)
times = []
for s in range(a.warmup + a.steps):
    x = torch.stack([torch.randperm(a.items)[:L + NNEG] + 1 for _ in range(B)])
    win, cand = x[:, :L], x[:, L:]
    t0 = time.perf_counter()
    opt.zero_grad()
    loss = m.loss(win, cand)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
    opt.step()
    t1 = time.perf_counter()
    if s >= a.warmup:
        times.append(t1 - t0)
med = statistics.median(times)
print(f"| RTA (PyTorch {torch.__version__}) | {a.items:,} | {B} | {D} | {a.threads} | {med:.3f} | {B / med:.1f} |")
