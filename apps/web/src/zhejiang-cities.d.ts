// Written by the zhejiangCities() Vite plugin (build-plugins.ts) at build time.
declare module 'virtual:zhejiang-cities' {
  const cities: {
    type: 'FeatureCollection';
    features: {
      type: 'Feature';
      properties: { code: string; name: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
    }[];
  };
  export default cities;
}
