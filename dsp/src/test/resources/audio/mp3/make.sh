#!/bin/sh
# Regenerates the Layer III test files of this folder (ffmpeg 5.1.9 with libmp3lame 3.100, lame 3.100, Debian 12):
# MP3s encoded from the repository's test WAVs (and a generated click train for short blocks), each with ffmpeg's
# float decode beside it (*.ffmpeg.f32.wav: ffmpeg's mp3float decoder, gapless-trimmed from the LAME tag as ffmpeg does).
set -e
cd "$(dirname "$0")"
A=..
T=$(mktemp -d)
q="-hide_banner -loglevel error -y"
# stereo source: the Brahms excerpt on the left, on the right mixed with a delayed, high-passed copy (correlated
# channels with a difference, so that the encoder uses MS stereo)
ffmpeg $q -i $A/brahms4s_22050.wav -filter_complex "[0:a]asplit[a][b];[b]adelay=5,highpass=f=400,volume=0.7[c];[a][c]join=inputs=2:channel_layout=stereo,pan=stereo|c0=c0|c1=0.8*c0+0.25*c1[m]" -map "[m]" -c:a pcm_s16le $T/st.wav
# click train over two tones (transients: the encoder switches to short blocks)
ffmpeg $q -f lavfi -i "aevalsrc=0.25*sin(2*PI*220*t)+0.8*lt(mod(t\,0.125)\,0.002)*sin(2*PI*4000*t)|0.25*sin(2*PI*330*t)+0.8*lt(mod(t+0.06\,0.125)\,0.002):s=44100:d=4" -c:a pcm_s16le $T/clicks.wav
enc() { # name duration input ffmpeg-args...
  n=$1; d=$2; i=$3; shift 3
  ffmpeg $q -i $i -t $d -c:a libmp3lame "$@" $n.mp3
}
lam() { # name duration rate channels input lame-args...
  n=$1; d=$2; r=$3; c=$4; i=$5; shift 5
  ffmpeg $q -i $i -t $d -ar $r -ac $c -c:a pcm_s16le $T/in.wav
  lame --silent "$@" $T/in.wav $n.mp3
}
enc m1_44k_joint_128k 0.75 $T/st.wav -ar 44100 -b:a 128k
enc m1_48k_joint_192k 0.7 $T/st.wav -ar 48000 -b:a 192k
enc m1_44k_mono_96k 1.5 $A/brahms4s_22050.wav -ar 44100 -ac 1 -b:a 96k
enc m2_22k_joint_64k 1.5 $T/st.wav -ar 22050 -b:a 64k
enc m2_24k_mono_32k 2.5 $A/brahms4s_22050.wav -ar 24000 -b:a 32k
enc m25_11k_joint_32k 2.5 $T/st.wav -ar 11025 -b:a 32k
enc m25_8k_mono_16k 4 $A/brahms4s_22050.wav -ar 8000 -b:a 16k
enc m25_12k_stereo_24k 2.5 $A/tones_stereo_22050.wav -ar 12000 -b:a 24k -joint_stereo 0
enc clicks_44k_joint_128k 0.75 $T/clicks.wav -ar 44100 -b:a 128k
enc clicks_22k_mono_48k 1.5 $T/clicks.wav -ar 22050 -ac 1 -b:a 48k
enc clicks_11k_mono_24k 2 $T/clicks.wav -ar 11025 -ac 1 -b:a 24k
enc clicks_8k_mono_16k 2 $T/clicks.wav -ar 8000 -ac 1 -b:a 16k
enc m2_22k_noxing_id3v1 1.5 $A/brahms4s_22050.wav -b:a 64k -write_xing 0 -write_id3v1 1 -metadata title=t -metadata artist=a
lam m1_32k_simple_crc_96k 1 32000 2 $T/st.wav -m s -p -b 96
lam m2_16k_dual_48k 2 16000 2 $T/st.wav -m d -b 48
lam m1_44k_lowrate_32k 0.7 44100 2 $T/st.wav -m j -b 32 --resample 44.1
# intensity stereo: the MS-stereo files with the intensity bit set in every frame header (see set_is.py)
python3 set_is.py m1_44k_joint_128k.mp3 is_m1_44k_joint_128k.mp3
python3 set_is.py m2_22k_joint_64k.mp3 is_m2_22k_joint_64k.mp3
# mixed blocks (LAME writes none): the click-train files with mixed_block_flag set in every short-block granule
for f in clicks_44k_joint_128k clicks_22k_mono_48k clicks_8k_mono_16k; do python3 set_mixed.py $f.mp3 mixed_$f.mp3; done
# a stream joined in the middle: no Xing frame, the first frames' main data partly gone
ffmpeg $q -i $T/st.wav -t 1 -ar 44100 -c:a libmp3lame -b:a 128k -write_xing 0 $T/whole.mp3
python3 cut.py $T/whole.mp3 m1_44k_cut_128k.mp3 10
for f in *.mp3; do ffmpeg $q -i $f -c:a pcm_f32le ${f%.mp3}.ffmpeg.f32.wav; done
# not decoded by the Layer III decoder: free format (rejected) and Layer II (handed to JLayer)
lam free_format 0.3 44100 1 $A/brahms4s_22050.wav --freeformat -b 40
mv free_format.mp3 free_format.bin
ffmpeg $q -i $A/brahms4s_22050.wav -t 0.5 -ar 44100 -c:a mp2 -b:a 96k -f mp2 layer2.bin
rm -r $T
