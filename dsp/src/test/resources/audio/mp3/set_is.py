#!/usr/bin/env python3
"""Sets the intensity-stereo bit of mode_extension in every joint-stereo frame header of an MP3 (no encoder we have
writes intensity stereo: LAME does not). The result is a valid stream whose upper bands decode as intensity stereo
(positions from the right channel's scale factors); used to compare intensity-stereo decoding with ffmpeg's."""
import sys
BR = {3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
      2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]}
SR = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}
d = bytearray(open(sys.argv[1], 'rb').read())
p = 0
if d[:3] == b'ID3':
    p = 10 + ((d[6] & 127) << 21 | (d[7] & 127) << 14 | (d[8] & 127) << 7 | (d[9] & 127))
first = True
while p + 4 <= len(d) and d[p] == 0xFF and (d[p + 1] & 0xE0) == 0xE0:
    ver = (d[p + 1] >> 3) & 3
    br = BR[3 if ver == 3 else 2][d[p + 2] >> 4]
    sr = SR[ver][(d[p + 2] >> 2) & 3]
    n = (144000 if ver == 3 else 72000) * br // sr + ((d[p + 2] >> 1) & 1)
    if not first and (d[p + 3] >> 6) == 1:
        d[p + 3] |= 0x10
    first = False
    p += n
open(sys.argv[2], 'wb').write(d)
