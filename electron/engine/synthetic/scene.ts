/**
 * Layout of a synthetic driving scene in world coordinates (metres): X right, Y up (height above
 * the ground), Z forward. The camera looks along +Z without rotation, so the horizon is a fixed
 * image row and the sky (at infinity) never moves. Static surfaces: the ground plane (road with
 * lane markings, pavements) and two facade planes parallel to the road split into blocks
 * (buildings of varying height, or fences). Everything else is a fronto-parallel sprite (poles,
 * signs, trees, cars, pedestrians, bicyclists) with a constant per-frame velocity; cars and
 * bicyclists move along Z, pedestrians along X.
 */
import { mulberry32 } from './noise.ts';

/** CamVid 11-class ids (11 = void). */
export const CAMVID = {
  Sky: 0,
  Building: 1,
  Pole: 2,
  Road: 3,
  Pavement: 4,
  Tree: 5,
  SignSymbol: 6,
  Fence: 7,
  Car: 8,
  Pedestrian: 9,
  Bicyclist: 10,
  Void: 11,
} as const;

export interface Facade {
  /** -1 left, +1 right. */
  side: -1 | 1;
  z0: number;
  z1: number;
  height: number;
  cls: number;
  rgb: [number, number, number];
  seed: number;
}

export interface Sprite {
  cls: number;
  /** Extent at frame 0: X in [x0, x1], Y in [y0, y1], at depth z. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  z: number;
  /** Velocity per frame. */
  vx: number;
  vz: number;
  ellipse: boolean;
  rgb: [number, number, number];
  seed: number;
}

export interface SceneLayout {
  seed: number;
  roadHalf: number;
  /** Facade plane distance from the road centre. */
  facadeX: number;
  facades: Facade[];
  sprites: Sprite[];
}

export interface SceneParams {
  seed: number;
  cars: number;
  /** Camera forward speed, metres per frame. */
  speed: number;
  frames: number;
  /** First frame this layout is shown (after a scene cut): moving objects start near the camera then. Default 0. */
  startFrame?: number;
}

export const CAMERA_HEIGHT = 1.5;
export const CAMERA_LANE_X = 1.6;

export function cameraAt(t: number, speed: number): { x: number; z: number } {
  return { x: CAMERA_LANE_X + 0.15 * Math.sin(t * 0.21), z: t * speed };
}

export function makeLayout(p: SceneParams): SceneLayout {
  const rnd = mulberry32(p.seed);
  const pick = (a: number, b: number): number => a + (b - a) * rnd();
  const roadHalf = 6;
  const facadeX = pick(9.5, 12);
  const zEnd = p.speed * p.frames + 160;
  const t0 = p.startFrame ?? 0;
  const camZ0 = p.speed * t0;
  const facades: Facade[] = [];
  for (const side of [-1, 1] as const) {
    let z = -10;
    while (z < zEnd) {
      const len = pick(8, 26);
      const fence = rnd() < 0.2;
      const shade = pick(0.6, 1);
      facades.push({
        side,
        z0: z,
        z1: z + len,
        height: fence ? pick(1.2, 2) : pick(6, 24),
        cls: fence ? CAMVID.Fence : CAMVID.Building,
        rgb: fence ? [120, 100, 70] : [Math.round(200 * shade), Math.round(pick(120, 190) * shade), Math.round(pick(90, 160) * shade)],
        seed: Math.floor(rnd() * 1e9),
      });
      z += len + (rnd() < 0.15 ? pick(2, 6) : 0);
    }
  }
  const sprites: Sprite[] = [];
  const seedOf = (): number => Math.floor(rnd() * 1e9);
  const add = (s: Omit<Sprite, 'seed'>): void => {
    sprites.push({ ...s, seed: seedOf() });
  };
  for (let z = pick(5, 15); z < zEnd; z += pick(14, 30)) {
    for (const side of [-1, 1]) {
      if (rnd() < 0.35) continue;
      const x = side * (roadHalf + 0.6);
      add({ cls: CAMVID.Pole, x0: x - 0.09, x1: x + 0.09, y0: 0, y1: pick(4, 6), z: z + pick(-2, 2), vx: 0, vz: 0, ellipse: false, rgb: [150, 150, 160] });
      const last = sprites[sprites.length - 1]!;
      if (rnd() < 0.4) {
        const y = pick(2.2, 3);
        add({ cls: CAMVID.SignSymbol, x0: x - 0.4, x1: x + 0.4, y0: y, y1: y + 0.7, z: last.z - 0.05, vx: 0, vz: 0, ellipse: rnd() < 0.5, rgb: [210, 40, 40] });
      }
    }
  }
  for (let z = pick(8, 20); z < zEnd; z += pick(10, 25)) {
    const side = rnd() < 0.5 ? -1 : 1;
    const x = side * (roadHalf + pick(1.5, 2.5));
    const r = pick(1.2, 2.4);
    const trunkTop = pick(2, 3);
    add({ cls: CAMVID.Tree, x0: x - 0.15, x1: x + 0.15, y0: 0, y1: trunkTop + 0.5, z, vx: 0, vz: 0, ellipse: false, rgb: [90, 60, 40] });
    add({ cls: CAMVID.Tree, x0: x - r, x1: x + r, y0: trunkTop, y1: trunkTop + 2 * r, z: z - 0.1, vx: 0, vz: 0, ellipse: true, rgb: [60, 130, 50] });
  }
  const lanes = [-4.5, -1.5, 1.6, 4.5];
  for (let c = 0; c < p.cars; c++) {
    const lane = lanes[c % lanes.length]!;
    const oncoming = lane < 0;
    const z = pick(8, 70);
    const v = oncoming ? -p.speed * pick(0.6, 1.2) : p.speed * (lane === CAMERA_LANE_X ? pick(0.9, 1.3) : pick(0.5, 1.3));
    const w = pick(1.7, 2);
    const top = pick(1.3, 1.8);
    add({ cls: CAMVID.Car, x0: lane - w / 2, x1: lane + w / 2, y0: 0.15, y1: top, z: camZ0 + z + c * 3 - v * t0, vx: 0, vz: v, ellipse: false, rgb: [Math.floor(pick(30, 230)), Math.floor(pick(30, 230)), Math.floor(pick(30, 230))] });
  }
  for (let k = 0; k < 3; k++) {
    const side = rnd() < 0.5 ? -1 : 1;
    const x = side * (roadHalf + pick(1, 3));
    const vx = pick(-0.04, 0.04);
    add({ cls: CAMVID.Pedestrian, x0: x - 0.25 - vx * t0, x1: x + 0.25 - vx * t0, y0: 0, y1: pick(1.5, 1.9), z: camZ0 + pick(6, 60), vx, vz: 0, ellipse: false, rgb: [Math.floor(pick(40, 200)), 60, Math.floor(pick(60, 200))] });
  }
  if (rnd() < 0.7) {
    const x = roadHalf - 0.8;
    const vz = p.speed * pick(0.3, 0.7);
    add({ cls: CAMVID.Bicyclist, x0: x - 0.3, x1: x + 0.3, y0: 0, y1: 1.8, z: camZ0 + pick(10, 40) - vz * t0, vx: 0, vz, ellipse: false, rgb: [230, 200, 40] });
  }
  return { seed: p.seed, roadHalf, facadeX, facades, sprites };
}
