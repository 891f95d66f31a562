/** One benchmark figure, printed by `npm run bench` as one JSON line. Names come from the issues. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
}

/** A bench module: `export default async function bench(): Promise<Figure[]>`. */
export type Bench = () => Promise<Figure[]>;
