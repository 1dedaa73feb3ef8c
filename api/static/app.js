// poles-qa chat page: asks POST /ask and POST /feedback on the same origin, no library, no build step.
// Every text that comes from an answer or a document is inserted as a text node (el() below never
// parses HTML), so a passage containing <script> or <img onerror> is shown, never run.
"use strict";

(() => {
  const STORE_KEY = "poles-qa:conversation";
  const TURNS_KEPT = 30; // turns kept across a reload; older ones stay on the server only
  const TIMEOUT_MS = 30000;
  const EXCERPT_CHARS = 280;

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const box = $("question");
  const sendButton = $("send");
  const conversation = $("conversation");
  const announcer = $("announcer");
  const status = $("status");
  const statusText = $("status-text");
  const retryButton = $("retry");
  const counter = $("count");
  const counterLine = $("question-count");

  const MESSAGES = {
    working: "Recherche dans les documents…",
    empty: "Écrivez d'abord une question.",
    network:
      "Impossible de joindre le service : il redémarre peut-être, ou la connexion est coupée. " +
      "Votre question est gardée, réessayez dans un instant.",
    timeout: "Le service met trop de temps à répondre. Réessayez dans un instant.",
    notReady: "Le service démarre : l'index des documents n'est pas encore chargé. Réessayez dans quelques secondes.",
    tooMany: (s) => `Trop de requêtes : réessayez dans ${s} seconde${s > 1 ? "s" : ""}.`,
    canRetry: "Vous pouvez renvoyer votre question.",
    server: (code) => `Le service a rencontré une erreur (code ${code}). Réessayez dans un instant.`,
    forgotten:
      "Le service a redémarré et ne se souvenait plus de cette conversation : la question a été lue seule.",
    newConversation: "Nouvelle conversation : posez votre question.",
  };

  let state = loadState();
  let busy = false;
  let blockedUntil = 0;
  let lastQuestion = "";
  let keySeed = 0;

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

  // ---- state kept across reloads ----
  function emptyState() {
    return { conversationId: null, answers: 0, turns: [] };
  }

  function loadState() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY));
      if (saved && Array.isArray(saved.turns)) return saved;
    } catch (_) {
      // storage unavailable or unreadable: start afresh
    }
    return emptyState();
  }

  function saveState() {
    state.turns = state.turns.slice(-TURNS_KEPT);
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (_) {
      // private browsing or full storage: the conversation still works until the tab closes
    }
  }

  // ---- status line: spinner, errors, retry ----
  function showStatus(text, { isError = false, isBusy = false, retry = false } = {}) {
    status.hidden = false;
    status.classList.toggle("error", isError);
    status.classList.toggle("busy", isBusy);
    statusText.textContent = text;
    retryButton.hidden = !retry;
  }

  function hideStatus() {
    status.hidden = true;
    statusText.textContent = "";
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value || Date.now() < blockedUntil;
    conversation.setAttribute("aria-busy", String(value));
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

  function votePanel(turn) {
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
      saveState();
    };
    up.addEventListener("click", () => cast("up"));
    down.addEventListener("click", () => cast("down"));
    commentForm.addEventListener("submit", (event) => {
      event.preventDefault();
      if (comment.value.trim()) cast("down", comment.value.trim());
    });
    return el("div", {}, panel, commentForm);
  }

  function renderTurn(turn, previous) {
    const answer = turn.answer;
    const citations = Array.isArray(answer.citations) ? answer.citations : [];
    const notes = [];
    if (answer.refused) {
      notes.push(el("p", { class: "note" }, "Pas de réponse dans les documents. Reformulez, ou posez une autre question sur la phase 2 des pôles."));
    }
    if (answer.confidence === "low") {
      notes.push(el("p", { class: "note low-confidence" }, "Réponse peu sûre : les passages trouvés n'y répondent peut-être qu'en partie. Vérifiez les sources."));
    }
    if (turn.forgotten) notes.push(el("p", { class: "note low-confidence" }, MESSAGES.forgotten));
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
        votePanel(turn),
      ),
    );
    conversation.append(article);
    return article;
  }

  function announce(answer) {
    const prefix = answer.refused ? "Pas de réponse dans les documents : " : "Réponse : ";
    announcer.textContent = "";
    window.setTimeout(() => {
      announcer.textContent = prefix + (answer.answer || "");
    }, 50);
  }

  // ---- HTTP ----
  async function postJSON(path, body) {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
        signal: controller.signal,
      });
    } finally {
      window.clearTimeout(timer);
    }
  }

  async function detailOf(response) {
    try {
      const body = await response.json();
      if (typeof body.detail === "string") return body.detail;
    } catch (_) {
      // not JSON
    }
    return MESSAGES.server(response.status);
  }

  function retryAfter(response) {
    const seconds = Number.parseInt(response.headers.get("Retry-After") || "", 10);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : 5;
  }

  function blockFor(seconds) {
    blockedUntil = Date.now() + seconds * 1000;
    sendButton.disabled = true;
    showStatus(MESSAGES.tooMany(seconds), { isError: true });
    window.setTimeout(() => {
      if (Date.now() < blockedUntil) return;
      sendButton.disabled = busy;
      showStatus(MESSAGES.canRetry);
    }, seconds * 1000 + 50);
  }

  async function failureMessage(response) {
    if (response.status === 429) return { wait: retryAfter(response) };
    if (response.status === 503) return { text: MESSAGES.notReady, retry: true };
    if (response.status >= 500) return { text: MESSAGES.server(response.status), retry: true };
    return { text: await detailOf(response), retry: false };
  }

  async function ask(question) {
    if (busy) return;
    const text = question.trim();
    if (!text) {
      showStatus(MESSAGES.empty, { isError: true });
      box.focus();
      return;
    }
    if (Date.now() < blockedUntil) {
      showStatus(MESSAGES.tooMany(Math.ceil((blockedUntil - Date.now()) / 1000)), { isError: true });
      return;
    }
    lastQuestion = text;
    setBusy(true);
    showStatus(MESSAGES.working, { isBusy: true });
    let response;
    try {
      response = await postJSON("/ask", { question: text, conversation_id: state.conversationId || undefined });
    } catch (error) {
      setBusy(false);
      showStatus(error.name === "AbortError" ? MESSAGES.timeout : MESSAGES.network, { isError: true, retry: true });
      return;
    }
    if (!response.ok) {
      const failure = await failureMessage(response);
      setBusy(false);
      if (failure.wait) blockFor(failure.wait);
      else showStatus(failure.text, { isError: true, retry: failure.retry });
      return;
    }
    const answer = await response.json();
    setBusy(false);
    received(text, answer);
  }

  function received(question, answer) {
    const previous = state.turns[state.turns.length - 1];
    const continuing = Boolean(state.conversationId) && state.answers > 0;
    state.conversationId = answer.conversation_id || state.conversationId;
    state.answers += 1;
    const turn = {
      key: `t${Date.now().toString(36)}${(keySeed += 1)}`,
      question,
      answer,
      number: Number.isInteger(answer.turn) ? answer.turn : state.answers,
      vote: null,
      forgotten: continuing && answer.turn === 1,
    };
    state.turns.push(turn);
    saveState();
    hideStatus();
    renderTurn(turn, previous);
    announce(answer);
    if (box.value.trim() === question) box.value = "";
    updateCount();
    if (document.activeElement === document.body || document.activeElement === sendButton) box.focus();
  }

  async function sendVote(turn, vote, comment, said) {
    const answer = turn.answer;
    const target = answer.answer_id ? { answer_id: answer.answer_id } : { conversation_id: answer.conversation_id, turn: turn.number };
    said.textContent = "Envoi de votre avis…";
    let response;
    try {
      response = await postJSON("/feedback", { ...target, vote, comment: comment || undefined, channel: "web" });
    } catch (_) {
      said.textContent = "Avis non envoyé : le service est injoignable. Réessayez dans un instant.";
      return false;
    }
    if (response.ok) {
      said.textContent = comment ? "Merci, votre commentaire est enregistré." : "Merci pour votre avis !";
      return true;
    }
    if (response.status === 404) said.textContent = "Cette réponse n'est plus connue du service : avis non enregistré.";
    else if (response.status === 429) said.textContent = MESSAGES.tooMany(retryAfter(response));
    else if (response.status === 503) said.textContent = "Avis non enregistré : le service est momentanément indisponible.";
    else said.textContent = await detailOf(response);
    return false;
  }

  // ---- wiring ----
  function updateCount() {
    const max = Number(box.getAttribute("maxlength")) || 1000;
    counter.textContent = String(box.value.length);
    counterLine.classList.toggle("near", box.value.length >= max * 0.9);
  }

  function newConversation() {
    state = emptyState();
    saveState();
    conversation.replaceChildren();
    hideStatus();
    announcer.textContent = MESSAGES.newConversation;
    box.value = "";
    updateCount();
    box.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(box.value);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  box.addEventListener("input", updateCount);
  retryButton.addEventListener("click", () => ask(lastQuestion || box.value));
  $("new-conversation").addEventListener("click", newConversation);
  document.querySelectorAll("button.example").forEach((button) => {
    button.addEventListener("click", () => {
      if (busy) return;
      box.value = button.textContent;
      updateCount();
      ask(button.textContent);
    });
  });

  state.turns.forEach((turn, i) => renderTurn(turn, state.turns[i - 1]));
  updateCount();
})();
