// How one turn of the conversation is shown: the question, the answer with its [n] markers, the
// source cards, the votes. Every text from an answer or a document becomes a text node (el() never
// parses HTML), so a passage holding <script> or <img onerror> is shown, never run.

const EXCERPT_CHARS = 280;
const FORGOTTEN =
  "Le service a redémarré et ne se souvenait plus de cette conversation : la question a été lue seule.";

// ---- small DOM helpers (text only, never HTML) ----
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function excerpt(text, limit = EXCERPT_CHARS) {
  const flat = text.split(/\s+/).join(" ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  return cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length) + "…";
}

// ---- rendering ----
function jumpTo(id) {
  const card = document.getElementById(id);
  if (!card) return;
  document.querySelectorAll(".citation.highlight").forEach((c) => c.classList.remove("highlight"));
  card.classList.add("highlight");
  card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  card.focus({ preventScroll: true });
}

function answerParagraph(text, citations, key) {
  const p = el("p", { class: "answer-text" });
  const known = new Set(citations.map((c) => c.n));
  const marker = /\[(\d+)\]/g;
  let last = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const n = Number(m[1]);
    if (!known.has(n)) continue;
    p.append(text.slice(last, m.index));
    const link = el("a", { href: `#${key}-c${n}`, class: "marker", "aria-label": `Source ${n}` }, `[${n}]`);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      jumpTo(`${key}-c${n}`);
    });
    p.append(link);
    last = marker.lastIndex;
  }
  p.append(text.slice(last));
  return p;
}

function sourceLine(source) {
  if (!source) return null;
  const isWeb = /^https?:\/\//i.test(source);
  const where = isWeb ? el("a", { href: source, rel: "noopener noreferrer" }, source) : source;
  return el("p", { class: "source" }, "Source : ", where);
}

function citationCard(citation, key) {
  const text = citation.text || "";
  const short = excerpt(text);
  const full =
    short.length < text.trim().length
      ? el("details", {}, el("summary", {}, "Voir le passage entier"), el("p", { class: "full" }, text))
      : null;
  return el(
    "li",
    { class: "citation", id: `${key}-c${citation.n}`, tabindex: "-1" },
    el("h3", {}, `[${citation.n}] ${citation.title || citation.doc_id}`),
    citation.section ? el("p", { class: "section" }, citation.section) : null,
    el("blockquote", {}, short),
    full,
    sourceLine(citation.source),
  );
}

function votePanel(turn, sendVote, persist) {
  const voteButton = (vote, icon, label) =>
    el("button", { type: "button", "aria-pressed": String(turn.vote === vote) }, el("span", { "aria-hidden": "true" }, icon), ` ${label}`);
  const up = voteButton("up", "👍", "Utile");
  const down = voteButton("down", "👎", "Pas utile");
  const said = el("span", { class: "vote-status", role: "status" });
  const panel = el("div", { class: "votes", role: "group", "aria-label": "Votre avis sur cette réponse" }, up, down, said);
  const commentId = `${turn.key}-comment`;
  const comment = el("textarea", { id: commentId, rows: "2", maxlength: "1000" });
  const commentForm = el(
    "form",
    { class: "comment-form", hidden: turn.vote !== "down" || turn.commented },
    el("label", { for: commentId }, "Qu'est-ce qui manquait ou était faux ? (facultatif)"),
    comment,
    el("div", {}, el("button", { type: "submit" }, "Envoyer le commentaire")),
  );
  const cast = async (vote, text) => {
    const ok = await sendVote(turn, vote, text, said);
    if (!ok) return;
    up.setAttribute("aria-pressed", String(vote === "up"));
    down.setAttribute("aria-pressed", String(vote === "down"));
    turn.vote = vote;
    turn.commented = Boolean(text);
    commentForm.hidden = vote !== "down" || turn.commented;
    persist();
  };
  up.addEventListener("click", () => cast("up"));
  down.addEventListener("click", () => cast("down"));
  commentForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (comment.value.trim()) cast("down", comment.value.trim());
  });
  return el("div", {}, panel, commentForm);
}

export function renderTurn(conversation, turn, previous, { sendVote, persist }) {
  const answer = turn.answer;
  const citations = Array.isArray(answer.citations) ? answer.citations : [];
  const notes = [];
  if (answer.refused) {
    notes.push(el("p", { class: "note" }, "Pas de réponse dans les documents. Reformulez, ou posez une autre question sur la phase 2 des pôles."));
  }
  if (answer.confidence === "low") {
    notes.push(el("p", { class: "note low-confidence" }, "Réponse peu sûre : les passages trouvés n'y répondent peut-être qu'en partie. Vérifiez les sources."));
  }
  if (turn.forgotten) notes.push(el("p", { class: "note low-confidence" }, FORGOTTEN));
  const changed = previous && previous.answer.index_version && previous.answer.index_version !== answer.index_version;
  const version = answer.index_version
    ? el("p", { class: "version" }, `Index ${answer.index_version}`, changed ? " (mis à jour depuis la réponse précédente)" : "")
    : null;
  const sources = citations.length
    ? el("ol", { class: "citations", "aria-label": "Sources" }, ...citations.map((c) => citationCard(c, turn.key)))
    : null;
  const article = el(
    "article",
    { class: "turn", id: turn.key },
    el("p", { class: "question" }, el("span", { class: "who" }, "Vous"), turn.question),
    el(
      "div",
      { class: answer.refused ? "answer refused" : "answer" },
      el("span", { class: "who" }, "Réponse"),
      ...notes,
      answerParagraph(answer.answer || "", citations, turn.key),
      sources,
      version,
      votePanel(turn, sendVote, persist),
    ),
  );
  conversation.append(article);
  return article;
}
