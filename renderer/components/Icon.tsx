/**
 * A few line icons drawn inline (the CSP allows no remote images, and system fonts differ in
 * which symbols they have). Always decorative: the words beside an icon carry the meaning.
 */
export type IconName =
  | 'check'
  | 'clock'
  | 'alert'
  | 'cross'
  | 'minus'
  | 'arrow-right'
  | 'pause'
  | 'stop'
  | 'pencil'
  | 'lock'
  | 'play'
  | 'archive'
  | 'info'
  | 'dot'
  | 'spinner'
  | 'home'
  | 'map'
  | 'grid'
  | 'flag'
  | 'chart'
  | 'printer'
  | 'gear';

const PATHS: Record<IconName, string> = {
  check: 'M3 8.5l3 3 7-7',
  clock: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM8 4.5V8l2.5 1.8',
  alert: 'M8 1.8L1.5 13.6h13L8 1.8zM8 6.2v3.6M8 11.4v.4',
  cross: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8',
  minus: 'M3.5 8h9',
  'arrow-right': 'M2.5 8h10M9 4.5L12.5 8 9 11.5',
  pause: 'M5.5 3.5v9M10.5 3.5v9',
  stop: 'M3.5 3.5h9v9h-9z',
  pencil: 'M2.5 13.5l1-3.5 7.5-7.5 2.5 2.5-7.5 7.5-3.5 1zM9.5 4l2.5 2.5',
  lock: 'M4 7.2h8v6.3H4zM5.6 7.2V5.1a2.4 2.4 0 0 1 4.8 0v2.1',
  play: 'M5 3l8 5-8 5z',
  archive: 'M2 3h12v3H2zM3 6v7.5h10V6M6.2 9h3.6',
  info: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM8 7.2v4.2M8 4.6v.4',
  dot: 'M8 5.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6z',
  spinner: 'M8 1.8a6.2 6.2 0 1 0 6.2 6.2',
  home: 'M2 7.5L8 2.5l6 5M3.8 6.3v7.2h8.4V6.3M6.6 13.5V9.8h2.8v3.7',
  map: 'M1.8 3.8l4-1.5 4.4 1.5 4-1.5v10l-4 1.5-4.4-1.5-4 1.5zM5.8 2.3v10M10.2 3.8v10',
  grid: 'M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z',
  flag: 'M3 14.5V2M3 2.5h8.5l-1.8 3 1.8 3H3',
  chart: 'M2 14h12M3.5 14V9h2.5v5M7 14V4.5h2.5V14M10.5 14V7h2.5v7',
  printer: 'M4.5 6V2h7v4M4.5 11.5H2.5V6h11v5.5h-2M4.5 9.5h7v4.5h-7z',
  gear: 'M8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
};

export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  const filled = name === 'dot' || name === 'play';
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
