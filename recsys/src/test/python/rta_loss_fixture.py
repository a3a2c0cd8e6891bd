"""Reference for RtaLossTest: the RTA training loss of the reference code, computed with PyTorch.

Writes recsys/src/test/resources/fixtures/rta/rta_loss.safetensors holding the model weights (names as
the Java RtaModel's state dict), a batch, the expected loss terms, the chosen negatives and gradients.
Run with Debian's python3 (torch 1.13): python3 recsys/src/test/python/rta_loss_fixture.py
"""
import json, os, struct
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(7)
V, D, H, FFN, MAXLEN, EPS = 12, 8, 2, 16, 5, 1e-5
N_EASY, N_HARD = 2, 2

w = {
    "representer.embedding.weight": torch.randn(V, D) * 0.5,
    "aggregator.pos_embedding.weight": torch.randn(MAXLEN, D),
    "aggregator.self_attn.in_proj_weight": torch.randn(3 * D, D) * 0.3,
    "aggregator.self_attn.in_proj_bias": torch.randn(3 * D) * 0.1,
    "aggregator.self_attn.out_proj.weight": torch.randn(D, D) * 0.3,
    "aggregator.self_attn.out_proj.bias": torch.randn(D) * 0.1,
    "aggregator.linear1.weight": torch.randn(FFN, D) * 0.3,
    "aggregator.linear1.bias": torch.randn(FFN) * 0.1,
    "aggregator.linear2.weight": torch.randn(D, FFN) * 0.3,
    "aggregator.linear2.bias": torch.randn(D) * 0.1,
}
for k in (1, 2, 3):
    w[f"aggregator.norm{k}.weight"] = 1 + 0.1 * torch.randn(D)
    w[f"aggregator.norm{k}.bias"] = 0.1 * torch.randn(D)
w["representer.embedding.weight"][0] = 0
for t in w.values():
    t.requires_grad_(True)

# batch: 3 windows, right-padded to L = 4; 5 candidates each (not in the session)
x = torch.tensor([[3, 5, 7, 2], [4, 9, 0, 0], [1, 6, 8, 0]])
cand = torch.tensor([[1, 4, 6, 8, 11], [2, 3, 10, 11, 5], [2, 3, 4, 5, 7]])

def right_aligned(t, maxlen):
    if t < maxlen:
        return torch.arange(maxlen - t, maxlen)
    pos = torch.ones(t, dtype=torch.long)
    pos[-(maxlen - 1):] = torch.arange(1, maxlen)
    return pos


def decoder(inp, pad):
    b, t, _ = inp.shape
    x0 = inp + w["aggregator.pos_embedding.weight"][right_aligned(t, MAXLEN)]
    causal = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    sa, _ = F.multi_head_attention_forward(
        x0.transpose(0, 1), x0.transpose(0, 1), x0.transpose(0, 1), D, H,
        w["aggregator.self_attn.in_proj_weight"], w["aggregator.self_attn.in_proj_bias"], None, None, False, 0.0,
        w["aggregator.self_attn.out_proj.weight"], w["aggregator.self_attn.out_proj.bias"], training=False,
        key_padding_mask=pad, need_weights=False, attn_mask=causal)
    sa = sa.transpose(0, 1)
    ln = lambda z, k: F.layer_norm(z, (D,), w[f"aggregator.norm{k}.weight"], w[f"aggregator.norm{k}.bias"], EPS)
    x1 = ln(x0 + sa, 1)
    x2 = ln(x1, 2)
    ff = F.linear(F.gelu(F.linear(x2, w["aggregator.linear1.weight"], w["aggregator.linear1.bias"])),
                  w["aggregator.linear2.weight"], w["aggregator.linear2.bias"])
    return ln(x2 + ff, 3)


E = w["representer.embedding.weight"]
pad_mask = x == 0
e = E[x]
inp, tgt = e[:, :-1], e[:, 1:]
h = decoder(inp, pad_mask[:, :-1])
valid = (~pad_mask[:, 1:]).float()
cnt = valid.sum(1, keepdim=True)
pos = ((-F.logsigmoid((h * tgt).sum(-1))) * valid).sum(1, keepdim=True) / cnt
pos = pos.mean()
hbar = (h * valid.unsqueeze(-1)).sum(1) / cnt
cand_scores = (E[cand] * hbar.unsqueeze(1)).sum(-1)
hard = torch.gather(cand, 1, torch.topk(cand_scores, N_HARD, dim=1)[1])
negs = torch.cat([cand[:, :N_EASY], hard], 1)
neg = (-F.logsigmoid(-(E[negs] * hbar.unsqueeze(1)).sum(-1))).mean()
loss = pos + neg
loss.backward()

out = {k: v.detach().numpy().astype(np.float32) for k, v in w.items()}
out["batch.x"] = x.numpy().astype(np.int64)
out["batch.candidates"] = cand.numpy().astype(np.int64)
out["expected.loss"] = np.array([loss.item()], np.float32)
out["expected.positive"] = np.array([pos.item()], np.float32)
out["expected.negative"] = np.array([neg.item()], np.float32)
out["expected.negatives"] = negs.numpy().astype(np.int64)
out["expected.h"] = h.detach().numpy().astype(np.float32)
for k in ("representer.embedding.weight", "aggregator.self_attn.in_proj_weight", "aggregator.pos_embedding.weight", "aggregator.linear1.weight"):
    out["grad." + k] = w[k].grad.numpy().astype(np.float32)


def write_safetensors(path, arrays):
    header, offset, blobs = {}, 0, []
    for name, a in arrays.items():
        a = np.ascontiguousarray(a)
        dt = {np.float32: "F32", np.int64: "I64"}[a.dtype.type]
        b = a.tobytes()
        header[name] = {"dtype": dt, "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


here = os.path.dirname(os.path.abspath(__file__))
dst = os.path.join(here, "..", "resources", "fixtures", "rta", "rta_loss.safetensors")
write_safetensors(dst, out)
print("loss", loss.item(), "pos", pos.item(), "neg", neg.item(), "negatives", negs.tolist())
