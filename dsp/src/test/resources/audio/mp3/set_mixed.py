#!/usr/bin/env python3
"""Sets mixed_block_flag in the side information of every short-block granule (block_type 2) of an MP3 without CRC
(LAME never writes mixed blocks). The scale factors and Huffman data are then parsed as mixed blocks: a valid stream
that exercises mixed-block decoding; used to compare it with ffmpeg's."""
import sys
BR = {3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
      2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]}
SR = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}
d = bytearray(open(sys.argv[1], 'rb').read())
p = 0
if d[:3] == b'ID3':
    p = 10 + ((d[6] & 127) << 21 | (d[7] & 127) << 14 | (d[8] & 127) << 7 | (d[9] & 127))
n_set = 0
while p + 4 <= len(d) and d[p] == 0xFF and (d[p + 1] & 0xE0) == 0xE0:
    ver = (d[p + 1] >> 3) & 3
    lsf = ver != 3
    assert d[p + 1] & 1, "no CRC expected"
    br = BR[2 if lsf else 3][d[p + 2] >> 4]
    sr = SR[ver][(d[p + 2] >> 2) & 3]
    n = (72000 if lsf else 144000) * br // sr + ((d[p + 2] >> 1) & 1)
    nch = 1 if (d[p + 3] >> 6) == 3 else 2
    pos = (p + 4) * 8  # bit position of the side information
    pos += (8 if lsf else 9) + (nch if lsf else (5 if nch == 1 else 3)) + (0 if lsf else 4 * nch)
    bit = lambda q: (d[q >> 3] >> (7 - (q & 7))) & 1
    for gr in range(1 if lsf else 2):
        for ch in range(nch):
            pos += 12 + 9 + 8 + (9 if lsf else 4)
            ws = bit(pos); pos += 1
            if ws:
                bt = bit(pos) << 1 | bit(pos + 1); pos += 2
                if bt == 2:
                    d[pos >> 3] |= 0x80 >> (pos & 7)
                    n_set += 1
                pos += 1 + 10 + 9
            else:
                pos += 15 + 4 + 3
            pos += (0 if lsf else 1) + 2
    p += n
open(sys.argv[2], 'wb').write(d)
print(sys.argv[2], n_set, "granules set to mixed", file=sys.stderr)
