#!/usr/bin/env python3
"""Drops the first n frames of an MP3 (after an ID3v2 tag): the frames that follow reach back with main_data_begin
into data that is gone, as in a stream joined in the middle."""
import sys
BR = {3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
      2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]}
SR = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}
d = open(sys.argv[1], 'rb').read()
p = 0
if d[:3] == b'ID3':
    p = 10 + ((d[6] & 127) << 21 | (d[7] & 127) << 14 | (d[8] & 127) << 7 | (d[9] & 127))
for _ in range(int(sys.argv[3])):
    ver = (d[p + 1] >> 3) & 3
    br = BR[3 if ver == 3 else 2][d[p + 2] >> 4]
    p += (144000 if ver == 3 else 72000) * br // SR[ver][(d[p + 2] >> 2) & 3] + ((d[p + 2] >> 1) & 1)
open(sys.argv[2], 'wb').write(d[p:])
