import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DocumentBody, NumberedParagraph, Paper, PaperImage, ReportSection } from '../model/types.js';
import { paperSchema } from './schemas.js';
import { yamlPosition } from './yaml.js';
import { bodyOf, frontmatterOf, positionOf, textOf, type MarkdownDoc } from './markdown.js';
import { recommendationsIn } from './register.js';
import type { Problems } from './problems.js';

const SECTION_RE = /^(\d+)\.?\s+(.+)$/;
const PARAGRAPH_RE = /^(\d+)\.(\d+)\.?(?=\s)/;

/** What a paper's frontmatter says about its appendices, before their files are read. */
export interface AppendixEntry {
  file: string;
  title: string;
  exempt: boolean;
  exemptParagraph: number | null;
  /** Whether the paper's list states the appendix's exemption itself, rather than the appendix taking the paper's. */
  exemptGiven: boolean;
  position: ReturnType<typeof yamlPosition>;
}

function exemption(value: boolean | number): { exempt: boolean; exemptParagraph: number | null } {
  return typeof value === 'number' ? { exempt: true, exemptParagraph: value } : { exempt: value, exemptParagraph: null };
}

export function readPaper(
  id: string,
  doc: MarkdownDoc,
  problems: Problems,
  preparedBody?: DocumentBody,
): { paper: Paper; appendices: AppendixEntry[] } | null {
  // A misspelt key in a paper could be its exemption (`exmept: 3`): an error, so that nothing is published until it is put right.
  const front = frontmatterOf(doc, paperSchema, problems, 'paper', 'at least "title:"', 'error');
  if (!front) return null;
  const body = preparedBody ?? bodyOf(doc);
  const sections: ReportSection[] = [];
  const paragraphs: NumberedParagraph[] = [];
  // Numbered sections are level-2 headings; a report whose heading levels change part-way (sections 3-8 at
  // level 3, then 9 on at level 2), or that writes a section's heading as a bold paragraph ("**2. Background**"),
  // keeps one numbering: such a heading is a section when it carries the numbering on.
  let last = 0;
  for (const node of doc.tree.children) {
    if (node.type === 'heading') {
      const located = textOf(doc, node);
      const m = SECTION_RE.exec(located.text);
      const section = m !== null && (node.depth === 2 || (node.depth === 3 && Number(m[1]) === last + 1));
      sections.push({
        number: section ? Number(m![1]) : null,
        title: section ? m![2] : located.text,
        depth: section ? 2 : node.depth,
        level: node.depth,
        position: located.position,
      });
      if (section) last = Number(m![1]);
    } else if (node.type === 'paragraph') {
      const located = textOf(doc, node);
      const bold = node.children.length === 1 && node.children[0].type === 'strong' ? SECTION_RE.exec(located.text) : null;
      if (bold && Number(bold[1]) === last + 1) {
        sections.push({ number: Number(bold[1]), title: bold[2], depth: 2, level: null, position: located.position });
        last = Number(bold[1]);
        continue;
      }
      const m = PARAGRAPH_RE.exec(located.text);
      if (m) {
        paragraphs.push({
          label: `${m[1]}.${m[2]}`,
          section: Number(m[1]),
          index: Number(m[2]),
          text: located.text.slice(m[0].length).trim(),
          position: located.position,
        });
      }
    }
  }
  const paperExempt = exemption(front.exempt);
  const appendices: AppendixEntry[] = front.appendices.map((a, i) => ({
    file: a.file,
    title: a.title,
    ...(a.exempt === undefined ? paperExempt : exemption(a.exempt)),
    exemptGiven: a.exempt !== undefined,
    position: yamlPosition(doc.yaml!, ['appendices', i]),
  }));
  const paper: Paper = {
    ...body,
    id,
    title: front.title,
    type: front.type,
    author: front.author ?? null,
    keyDecision: front.keyDecision,
    ...paperExempt,
    exemptGiven: doc.yaml ? doc.yaml.doc.has('exempt') : false,
    publicBecause: front.publicBecause ?? null,
    draft: front.draft,
    date: front.date ?? null,
    forwardPlan: front.forwardPlan !== undefined && doc.yaml ? { ref: front.forwardPlan, position: yamlPosition(doc.yaml, ['forwardPlan']) } : null,
    keyDecisionNotice: front.keyDecisionNotice
      ? {
          published: front.keyDecisionNotice.published,
          route: front.keyDecisionNotice.route,
          scrutinyChair: front.keyDecisionNotice.scrutinyChair ?? null,
          agreedBy: front.keyDecisionNotice.agreedBy ?? null,
          position: doc.yaml ? yamlPosition(doc.yaml, ['keyDecisionNotice']) : positionOf(doc, doc.tree),
        }
      : null,
    submitted: front.submitted ?? null,
    lateReason: front.lateReason ?? null,
    clearances: Object.entries(front.clearance ?? {}).map(([role, c]) => ({
      role: role.toLowerCase(),
      by: c.by,
      on: c.on,
      position: doc.yaml ? yamlPosition(doc.yaml, ['clearance', role]) : positionOf(doc, doc.tree),
    })),
    wards: front.wards,
    appendices: [],
    sections,
    images: imagesOf(doc),
    paragraphs,
    responses: front.type === 'response-schedule' ? recommendationsIn(body.tables) : [],
    position: positionOf(doc, doc.tree),
  };
  return { paper, appendices };
}

/** The images a paper shows, with their alternative text. */
function imagesOf(doc: MarkdownDoc): PaperImage[] {
  const images: PaperImage[] = [];
  visit(doc.tree, 'image', (node: Image) => {
    images.push({ src: node.url, alt: node.alt ?? '', position: positionOf(doc, node) });
  });
  return images;
}
