/** A small LRU of decoded frames as ImageBitmaps; evicted bitmaps are closed to free memory. */
export class FrameCache {
  private readonly map = new Map<string, ImageBitmap>();
  constructor(private readonly capacity = 48) {}

  static key(videoId: string, index: number): string {
    return `${videoId}:${index}`;
  }

  get(key: string): ImageBitmap | undefined {
    const b = this.map.get(key);
    if (b) {
      this.map.delete(key);
      this.map.set(key, b);
    }
    return b;
  }

  set(key: string, bitmap: ImageBitmap): void {
    this.map.get(key)?.close();
    this.map.delete(key);
    this.map.set(key, bitmap);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.get(oldest)?.close();
      this.map.delete(oldest);
    }
  }

  clear(): void {
    for (const b of this.map.values()) b.close();
    this.map.clear();
  }
}
