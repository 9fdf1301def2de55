// The DOCX: one paragraph per entry of agreementParagraphs, the first as a heading. mammoth
// (the importer) reads paragraphs apart by a blank line, so its text is predictable.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { agreementParagraphs } from './sample-texts.ts';

export async function sampleDocx(): Promise<Uint8Array> {
  const [title, ...body] = agreementParagraphs;
  const doc = new Document({
    creator: 'Docket sample',
    title: title!,
    sections: [{ children: [new Paragraph({ text: title!, heading: HeadingLevel.HEADING_1 }), ...body.map((text) => new Paragraph(text))] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
