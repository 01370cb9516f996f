// What an edit with a mask sends to OpenAI's `/v1/images/edits` for GPT Image 1, as the adapter writes it: the multipart
// form's fields in order (openai-node's ImageEditParamsBase names them; `input_fidelity` where the model takes it).
export const MASKED_EDIT_FIELDS = ['model', 'prompt', 'image[]', 'mask', 'n', 'size', 'quality', 'input_fidelity'];
