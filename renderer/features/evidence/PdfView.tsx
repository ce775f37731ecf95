/// <reference path="./pdf-worker-url.d.ts" />
/**
 * A PDF shown inside the planner with no scripts (issue 14 §3): pdf.js draws each page on a
 * canvas, with scripting off (`enableScripting` is a viewer option this component never turns on;
 * no annotation layer, no forms, no links are rendered), `isEvalSupported: false` (no
 * code generated from the file's fonts), and no fetching of anything the file names. The PDF
 * worker is the bundled pdf.js worker, served by the app itself (the page's policy: worker-src
 * 'self'). pdf.js is loaded only when a PDF is opened.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_PAGES = 50;

export function PdfView({ base64, name }: { base64: string; name: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const task = pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, disableFontFace: false, stopAtErrors: false });
      destroy = () => void task.destroy();
      const doc = await task.promise;
      if (cancelled) return;
      setPages(doc.numPages);
      for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && !cancelled; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.25 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'pdf-view__page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('evidence.viewerPage', { page: n, count: doc.numPages }));
        canvas.dataset.page = String(n);
        holder.current?.append(canvas);
        await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      destroy?.();
      holder.current?.replaceChildren();
    };
  }, [base64, t]);

  return (
    <div className="pdf-view" aria-label={name} aria-busy={pages === null && !failed} data-pdf-pages={pages ?? ''}>
      {failed ? <p role="alert">{t('evidence.viewerFailed')}</p> : pages === null ? <p className="muted">{t('evidence.viewerLoading')}</p> : null}
      <div ref={holder} className="pdf-view__pages" />
    </div>
  );
}
