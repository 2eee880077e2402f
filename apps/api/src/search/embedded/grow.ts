/** A copy of `array` with room for `length` entries; new entries hold `fill`. */
export function grown(array: Int32Array, length: number, fill = 0): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  if (fill !== 0) bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}
