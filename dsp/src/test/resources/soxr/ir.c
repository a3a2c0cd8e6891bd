#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
/* usage: ir IN_RATE OUT_RATE N POS : writes soxr HQ one-shot output (float32) of a unit impulse at POS in N zeros */
int main(int argc, char **argv) {
  double irate = atof(argv[1]), orate = atof(argv[2]); size_t n = atol(argv[3]); size_t pos = atol(argv[4]);
  float *in = calloc(n, sizeof(float)); in[pos] = 1.0f;
  size_t olen = (size_t)(n * orate / irate + .5) + 16, odone = 0;
  float *out = calloc(olen, sizeof(float));
  soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
  soxr_error_t e = soxr_oneshot(irate, orate, 1, in, n, NULL, out, olen, &odone, &io, &q, NULL);
  if (e) { fprintf(stderr, "%s\n", e); return 1; }
  fwrite(out, sizeof(float), odone, stdout);
  fprintf(stderr, "odone=%zu\n", odone);
  return 0;
}
