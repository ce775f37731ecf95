/** Vite's `?url` import of the pdf.js worker: the URL of the bundled worker file, served by the app itself. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
