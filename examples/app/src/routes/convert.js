// Sample service code the example reports point at (examples/reports/semgrep.sarif).
import { exec } from 'node:child_process';
import express from 'express';

export const router = express.Router();

const ALLOWED = new Set(['report.docx', 'invoice.docx', 'summary.docx']);

/**
 * Converts an uploaded document to PDF.
 * The file name is checked against ALLOWED before it reaches the shell,
 * which is why the exception in examples/policy/exceptions.yml accepts
 * the child-process finding for this file.
 */
router.post('/convert', (req, res) => {
  const file = String(req.body.file ?? '');

  if (!ALLOWED.has(file)) {
    res.status(400).send('unknown file');
    return;
  }

  const output = file.replace(/\.docx$/, '.pdf');
  const command = `soffice --headless --convert-to pdf ${file}`;

  // The conversion runs in the upload folder.
  exec(command, (error) => {
    if (error) {
      res.status(500).send('conversion failed');
      return;
    }
    res.download(output);
  });
});
