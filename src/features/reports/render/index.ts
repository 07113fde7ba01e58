// Issue #13: the one way a report leaves Koers as a file. renderReportDocument turns a ReportDocument
// (src/domain/reports/document.ts) into XLSX or PDF bytes; sendReportDocument answers an export route
// with them: the content type, an attachment named by a fixed ASCII stem and the business date
// (exportFileName of src/platform/http/export.ts — never a name, a BSN or a query value), no caching.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ReportDocument } from '../../../domain/reports/document.js';
import { XLSX_TYPE } from '../../../platform/http/export.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export const ReportFormats = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof ReportFormats)[number];
export const ReportFormat = z.enum(ReportFormats, 'Kies xlsx of pdf.');

export const REPORT_CONTENT_TYPE: Record<ReportFormat, string> = { xlsx: XLSX_TYPE, pdf: 'application/pdf' };

export function renderReportDocument(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return format === 'xlsx' ? renderXlsx(doc) : renderPdf(doc);
}

/** The file name: `kwartaal-mi-2027-03-31.xlsx` for stem `kwartaal-mi` and today 2027-03-31. */
export function reportFileName(fileStem: string, today: string, format: ReportFormat): string {
  // As exportFileName (src/platform/http/export.ts): only [a-z0-9-] of stem and date survive.
  return `${`${fileStem}-${today}`.replace(/[^a-z0-9-]/gi, '')}.${format}`;
}

/** Renders first (a failure is still a problem+json answer), then sends the file. */
export async function sendReportDocument(reply: FastifyReply, doc: ReportDocument, format: ReportFormat, fileStem: string, today: string): Promise<FastifyReply> {
  const bytes = await renderReportDocument(doc, format);
  return reply
    .header('Content-Type', REPORT_CONTENT_TYPE[format])
    .header('Content-Disposition', `attachment; filename="${reportFileName(fileStem, today, format)}"`)
    .header('Cache-Control', 'no-store')
    .send(bytes);
}
