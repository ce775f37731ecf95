/**
 * A chart drawn only once it scrolls near the screen (IntersectionObserver): a page of many charts
 * costs what the visible ones cost, which matters on an old laptop. Until then a box of the
 * chart's height keeps the page from jumping. Where the observer does not exist (tests, printing
 * engines without it) the chart is drawn at once. Printing draws every chart (beforeprint).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function LazyChart({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (shown) return;
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    const onPrint = () => setShown(true);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', onPrint);
    };
  }, [shown]);
  return (
    <div ref={box} className="lazy-chart" style={{ minHeight: height }} data-drawn={shown ? 'yes' : 'no'}>
      {shown ? children : null}
    </div>
  );
}
