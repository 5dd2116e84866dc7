/**
 * Per-patch sums of the template gradients on the sparse patch grid: Σ Ix², Σ Iy², Σ Ix·Iy (the
 * Gauss-Newton Hessian of inverse-compositional Lucas-Kanade, constant per patch) and Σ Ix, Σ Iy
 * (for mean normalisation). Patch (is, js) covers rows is*stride .. +size, cols js*stride .. +size.
 * Separable running sums: a horizontal pass onto the sparse columns, then a vertical one.
 */

export interface StructureTensor {
  xx: Float32Array;
  yy: Float32Array;
  xy: Float32Array;
  x: Float32Array;
  y: Float32Array;
}

/**
 * @param aux scratch of at least 5 * height * ws floats
 */
export function structureTensor(
  ix: Float32Array,
  iy: Float32Array,
  w: number,
  h: number,
  size: number,
  stride: number,
  ws: number,
  hs: number,
  out: StructureTensor,
  aux: Float32Array,
): void {
  const plane = h * ws;
  for (let i = 0; i < h; i++) {
    const r = i * w;
    for (let js = 0; js < ws; js++) {
      let sxx = 0, syy = 0, sxy = 0, sx = 0, sy = 0;
      const j0 = r + js * stride;
      for (let j = j0; j < j0 + size; j++) {
        const gx = ix[j]!;
        const gy = iy[j]!;
        sxx += gx * gx;
        syy += gy * gy;
        sxy += gx * gy;
        sx += gx;
        sy += gy;
      }
      const a = i * ws + js;
      aux[a] = sxx;
      aux[plane + a] = syy;
      aux[2 * plane + a] = sxy;
      aux[3 * plane + a] = sx;
      aux[4 * plane + a] = sy;
    }
  }
  for (let is = 0; is < hs; is++) {
    for (let js = 0; js < ws; js++) {
      let sxx = 0, syy = 0, sxy = 0, sx = 0, sy = 0;
      for (let i = is * stride; i < is * stride + size; i++) {
        const a = i * ws + js;
        sxx += aux[a]!;
        syy += aux[plane + a]!;
        sxy += aux[2 * plane + a]!;
        sx += aux[3 * plane + a]!;
        sy += aux[4 * plane + a]!;
      }
      const k = is * ws + js;
      out.xx[k] = sxx;
      out.yy[k] = syy;
      out.xy[k] = sxy;
      out.x[k] = sx;
      out.y[k] = sy;
    }
  }
}
