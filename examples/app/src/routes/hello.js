// Sample service code the example reports point at (examples/reports/semgrep.sarif).
import express from 'express';

export const router = express.Router();

/**
 * Greets the caller by name.
 * The name comes straight from the query string.
 */
router.get('/hello', (req, res) => {
  const name = req.query.name ?? 'world';
  res.set('Content-Type', 'text/html');
  // Reflected without escaping: the XSS finding in the example SARIF.
  res.send(`<h1>Hello ${name}</h1>`);
});
