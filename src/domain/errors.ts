/**
 * Typed error codes with Chinese and English text. The HTTP layer maps `kind` to a status in one
 * place (server/plugins/errors.ts); the domain never knows about HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unprocessable'
  | 'internal';

type CatalogueEntry = { kind: ErrorKind; zh: string; en: string };

/** Every error the product can report. Add new codes here; `{name}` placeholders are filled from details. */
export const ERRORS = {
  'request.invalid': { kind: 'validation', zh: '请求内容不符合要求：{field} {reasonZh}', en: 'The request is invalid: {field} {reasonEn}' },
  'request.malformed_json': { kind: 'validation', zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { kind: 'too_large', zh: '请求或上传的文件过大', en: 'The request or uploaded file is too large' },
  'request.unsupported_media_type': { kind: 'validation', zh: '不支持的内容类型', en: 'Unsupported content type' },
  'request.cross_site': { kind: 'forbidden', zh: '拒绝跨站请求', en: 'Cross-site request refused' },
  'request.rate_limited': { kind: 'rate_limited', zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'route.not_found': { kind: 'not_found', zh: '接口不存在', en: 'No such endpoint' },
  'record.not_found': { kind: 'not_found', zh: '记录不存在', en: 'Record not found' },
  'record.conflict': { kind: 'conflict', zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },
  'record.duplicate': { kind: 'conflict', zh: '记录已存在：{field}', en: 'A record with this {field} already exists' },
  'auth.required': { kind: 'unauthenticated', zh: '请先登录', en: 'Please sign in' },
  'auth.session_expired': { kind: 'unauthenticated', zh: '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  'auth.invalid_credentials': { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.account_locked': { kind: 'rate_limited', zh: '登录失败次数过多，账号已暂时锁定，请于 {minutes} 分钟后再试', en: 'Too many failed sign-ins; the account is locked for {minutes} minutes' },
  'auth.address_throttled': { kind: 'rate_limited', zh: '该地址登录尝试过多，请于 {minutes} 分钟后再试', en: 'Too many sign-in attempts from this address; try again in {minutes} minutes' },
  'auth.account_disabled': { kind: 'unauthenticated', zh: '账号已停用', en: 'This account is disabled' },
  'auth.forbidden': { kind: 'forbidden', zh: '无权执行此操作', en: 'You are not allowed to do this' },
  'auth.weak_password': { kind: 'validation', zh: '密码不符合要求：{reason}', en: 'The password is not acceptable: {reasonEn}' },
  'auth.second_factor_invalid': { kind: 'unauthenticated', zh: '动态验证码或恢复码错误', en: 'Wrong authentication code or recovery code' },
  'auth.second_factor_replayed': { kind: 'unauthenticated', zh: '该动态验证码已使用过，请等待验证器显示下一个验证码', en: 'This code has already been used; wait for the next one' },
  'auth.challenge_invalid': { kind: 'unauthenticated', zh: '登录验证已失效，请重新输入用户名和密码', en: 'The sign-in step has expired; enter your username and password again' },
  'auth.two_factor_enrolment_required': { kind: 'forbidden', zh: '您的角色须使用双因素认证，请先绑定身份验证器', en: 'Your role requires two-factor authentication; set up an authenticator first' },
  'auth.two_factor_already_enabled': { kind: 'conflict', zh: '已启用双因素认证；如需更换验证器，请联系管理员重置', en: 'Two-factor authentication is already on; ask an administrator to reset it to change authenticators' },
  'auth.totp_code_invalid': { kind: 'validation', zh: '动态验证码不正确，请核对手机时间后输入验证器当前显示的 6 位数字', en: 'Wrong code: check the phone\'s clock and type the 6 digits the authenticator shows now' },
  'auth.two_factor_not_started': { kind: 'conflict', zh: '请先开始绑定身份验证器', en: 'Start the authenticator set-up first' },
  'backup.invalid_file': { kind: 'validation', zh: '不是有效的容错纠错备份文件：{reason}', en: 'Not a valid Rongcuo backup file: {reason}' },
  'backup.target_not_empty': { kind: 'conflict', zh: '目标数据库不是空库，拒绝恢复（请使用新建的空数据库或新的数据目录）', en: 'The target database is not empty; restore refused (use a new empty database or data directory)' },
  'backup.schema_newer': { kind: 'conflict', zh: '目标数据库的结构版本（{target}）比备份（{backup}）新，请恢复到新建的空数据库', en: 'The target database schema ({target}) is newer than the backup ({backup}); restore into a newly created database' },
  'backup.schema_unknown': { kind: 'conflict', zh: '备份来自更新版本的程序（未知的结构版本 {migration}），请先升级本程序', en: 'The backup comes from a newer version (unknown migration {migration}); upgrade this program first' },
  'backup.keys_missing': { kind: 'conflict', zh: '当前密钥环中缺少备份所用的密钥 {keyIds}：请先配置 DATA_KEY_FILE 或复制原数据目录中的 keys.json', en: 'The keyring lacks the keys the backup uses ({keyIds}): set DATA_KEY_FILE or copy keys.json from the original data directory first' },
  'backup.verify_failed': { kind: 'internal', zh: '恢复后的审计链校验失败：{reason}', en: 'The audit chain failed verification after the restore: {reason}' },
  'import.unsupported_file': { kind: 'validation', zh: '不支持的文件类型，请上传 .xlsx 或 .csv', en: 'Unsupported file; upload .xlsx or .csv' },
  'import.unreadable': { kind: 'validation', zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  'import.missing_columns': { kind: 'validation', zh: '缺少必需的列：{columns}', en: 'Required columns are missing: {columns}' },
  'import.rows_invalid': { kind: 'unprocessable', zh: '有 {count} 行数据有误，未导入任何数据', en: '{count} rows have errors; nothing was imported' },
  'import.empty': { kind: 'validation', zh: '文件中没有数据行', en: 'The file has no data rows' },
  'import.too_many_rows': { kind: 'too_large', zh: '数据行过多（{count} 行），一次最多导入 {max} 行，请拆分文件', en: 'Too many data rows ({count}); at most {max} can be imported at once, so split the file' },
  // 干部名册 cell errors and warnings: reported per cell (row, column), never thrown.
  'roster.required': { kind: 'validation', zh: '{column}不能为空', en: '{column} is required' },
  'roster.too_long': { kind: 'validation', zh: '{column}不能超过 {max} 个字符', en: '{column} must be at most {max} characters' },
  'roster.bad_name': { kind: 'validation', zh: '姓名只能包含汉字或字母（多段姓名用“·”分隔），至少两个字', en: 'The name may contain only Chinese characters or letters (parts separated by "·"), at least two' },
  'roster.bad_gender': { kind: 'validation', zh: '性别应填“男”或“女”', en: 'Gender must be 男 (male) or 女 (female)' },
  'roster.bad_birth_month': { kind: 'validation', zh: '出生年月无法识别，请写成 1985-03 或 1985年3月', en: 'The birth month is not recognised; write it as 1985-03' },
  'roster.birth_month_ambiguous': { kind: 'validation', zh: '出生年月被 Excel 存成数字 {value}，无法区分 1 月与 10 月，请将该列设置为文本后写成 1985-10 的形式', en: 'Excel stored the birth month as the number {value}, which cannot tell January from October; format the column as text and write e.g. 1985-10' },
  'roster.birth_month_out_of_range': { kind: 'validation', zh: '出生年月 {value} 不在合理范围（{min} 至 {max}）内', en: 'Birth month {value} is outside the plausible range ({min} to {max})' },
  'roster.id_stored_as_number': { kind: 'validation', zh: '身份证号被 Excel 存成数字，后几位已丢失，请将该列设置为文本后重新录入', en: 'Excel stored the ID number as a number and its last digits are lost; format the column as text and enter the number again' },
  'roster.bad_id_format': { kind: 'validation', zh: '身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X', en: 'The ID number must have 18 characters: 17 digits, then a digit or X' },
  'roster.bad_id_birth_date': { kind: 'validation', zh: '身份证号中的出生日期 {value} 不是有效日期', en: 'The birth date {value} inside the ID number is not a valid date' },
  'roster.bad_id_checksum': { kind: 'validation', zh: '身份证号校验位错误，请核对号码', en: 'The check digit of the ID number is wrong; check the number' },
  'roster.id_gender_mismatch': { kind: 'validation', zh: '{column}第 17 位表示性别为{idGenderZh}，与{otherColumn}“{otherValue}”不一致', en: '{column} (17th digit) indicates {idGenderEn}, but {otherColumn} is "{otherValue}"' },
  'roster.id_birth_mismatch': { kind: 'validation', zh: '{column}中的出生年月 {idBirth} 与{otherColumn}“{otherValue}”不一致', en: 'The birth month {idBirth} in {column} does not match {otherColumn} "{otherValue}"' },
  'roster.duplicate_id_number': { kind: 'validation', zh: '身份证号与第 {firstRow} 行重复', en: 'The ID number repeats row {firstRow}' },
  'roster.bad_mobile': { kind: 'validation', zh: '手机号应为以 1 开头的 11 位数字', en: 'The mobile number must be 11 digits starting with 1' },
  'roster.bad_party': { kind: 'validation', zh: '政治面貌无法识别：{value}（可填 中共党员、中共预备党员、群众 等）', en: 'Party membership not recognised: {value} (use 中共党员, 中共预备党员, 群众 …)' },
  'roster.bad_status': { kind: 'validation', zh: '状态无法识别：{value}（可填 在职、退休、调出、去世）', en: 'Status not recognised: {value} (use 在职, 退休, 调出, 去世)' },
  'roster.unknown_column': { kind: 'validation', zh: '未识别的列“{column}”，已忽略', en: 'Unrecognised column "{column}" was ignored' },
  'roster.duplicate_column': { kind: 'validation', zh: '列“{column}”与列“{firstColumn}”含义相同，已忽略', en: 'Column "{column}" means the same as "{firstColumn}" and was ignored' },
  'roster.party_column_absent': { kind: 'validation', zh: '文件中没有政治面貌列，全部按“群众”导入', en: 'The file has no party membership column; every row is imported as a non-member' },
  'unit.unknown': { kind: 'validation', zh: '单位不存在：{name}', en: 'Unknown unit: {name}' },
  'jurisdiction.unknown': { kind: 'validation', zh: '辖区不存在：{code}', en: 'Unknown jurisdiction: {code}' },
  'user.unknown': { kind: 'not_found', zh: '用户不存在：{username}', en: 'No such user: {username}' },
  'role.unknown': { kind: 'validation', zh: '角色不存在：{role}', en: 'Unknown role: {role}' },
  'role.unit_required': { kind: 'validation', zh: '单位负责人角色须指定该辖区内的单位', en: 'A unit leader role needs a unit of that jurisdiction' },
  'role.unit_not_applicable': { kind: 'validation', zh: '只有单位负责人角色才指定单位', en: 'Only the unit leader role takes a unit' },
  'user.self_lockout': { kind: 'conflict', zh: '不能停用自己的账号或撤销自己的管理员角色', en: 'You cannot disable your own account or revoke your own administrator role' },
  'user.last_role': { kind: 'conflict', zh: '这是该账号唯一的角色，不能撤销；如不再使用请停用账号', en: 'This is the account\'s only role and cannot be revoked; disable the account instead' },
  'unit.parent_invalid': { kind: 'validation', zh: '上级单位不存在或不在同一辖区', en: 'The parent unit does not exist or belongs to another jurisdiction' },
  'calendar.year_mismatch': { kind: 'validation', zh: '地址中的年份 {path} 与安排中的年份 {body} 不一致', en: 'The year in the address ({path}) differs from the schedule\'s year ({body})' },
  'stats.period_invalid': { kind: 'validation', zh: '统计期间有误：起始日期 {from} 晚于截止日期 {to}', en: 'The period is invalid: {from} is after {to}' },
  'stats.period_unparsable': { kind: 'validation', zh: '统计期间格式有误：应为年（2025）、季度（2025-Q1）、月（2025-03）或起止日期（2025-01-01..2025-06-30）', en: 'The period is not understood: use a year (2025), a quarter (2025-Q1), a month (2025-03) or a range (2025-01-01..2025-06-30)' },
  'stats.period_too_long': { kind: 'validation', zh: '统计期间不能超过 {years} 年', en: 'The period may span at most {years} years' },
  'stats.period_whole_months': { kind: 'validation', zh: '为防止通过相减推算出小于 5 的数字，自定义期间须从某月 1 日起、到某月末日止', en: 'To keep counts under 5 from being worked out by subtraction, a custom period must run from the first of a month to the last day of a month' },
  'stats.weights_invalid': { kind: 'validation', zh: '评分权重有误：{reason}', en: 'The weights are invalid: {reasonEn}' },
  'stats.weights_level': { kind: 'validation', zh: '评价权重只能由市或省一级设置（县级按上级权重参与比较）', en: 'Weights are set by a city or a province (a county is compared with its parent’s weights)' },
  'stats.scorecard_level': { kind: 'validation', zh: '实施力度评价按县（市、区）及以上统计，请选择县级或以上辖区', en: 'The scorecard is kept for counties and above; choose a county, city or province' },
  'crypto.ciphertext_invalid': { kind: 'internal', zh: '加密数据已损坏或被篡改，无法解密', en: 'Encrypted data is corrupt or has been tampered with and cannot be decrypted' },
  'crypto.key_unknown': { kind: 'internal', zh: '找不到加密密钥：{keyId}', en: 'Encryption key not found: {keyId}' },
  'crypto.key_invalid': { kind: 'internal', zh: '密钥不可用：{reason}', en: 'The key cannot be used: {reason}' },
  'date.invalid': { kind: 'validation', zh: '日期无效：{value}（应为 YYYY-MM-DD 格式的真实日期）', en: 'Invalid date: {value} (expected a real date as YYYY-MM-DD)' },
  'calendar.schedule_invalid': { kind: 'validation', zh: '{year} 年节假日安排有误（{date}）：{problemZh}', en: 'The {year} holiday schedule is invalid at {date}: {problemEn}' },
  'calendar.year_not_covered': { kind: 'unprocessable', zh: '尚未录入 {year} 年的节假日安排，无法确定工作日', en: 'No holiday schedule has been entered for {year}, so working days cannot be determined' },
  'calendar.invalid_amount': { kind: 'validation', zh: '天数应为非负整数：{amount}', en: 'The number of days must be a whole number, zero or more: {amount}' },
  'deadline.already_paused': { kind: 'conflict', zh: '时限已于 {since} 中止计算，不能重复中止', en: 'The time limit has been paused since {since}' },
  'deadline.not_paused': { kind: 'conflict', zh: '时限未中止，无需恢复', en: 'The time limit is not paused' },
  'deadline.date_out_of_order': { kind: 'validation', zh: '日期 {date} 早于 {earliest}，顺序有误', en: 'The date {date} is before {earliest}' },
  'deadline.already_extended': { kind: 'conflict', zh: '该时限已于 {approvedOn} 批准延长一次，不得再次延长', en: 'This time limit was already extended once (approved {approvedOn}) and cannot be extended again' },
  'deadline.extension_incomplete': { kind: 'validation', zh: '延长时限须写明批准人和理由', en: 'An extension needs the approver and a reason' },
  'deadline.extension_exceeds_limit': { kind: 'validation', zh: '延长期限超出政策上限：{amount}（{unit}）', en: 'The extension exceeds the policy limit of {amount} ({unit})' },
  'policy.not_found': { kind: 'not_found', zh: '政策不存在：{id}（{version}）', en: 'No such policy: {id} ({version})' },
  'policy.invalid': { kind: 'validation', zh: '政策 {id}（{version}）有误：{problemZh}', en: 'Policy {id} ({version}) is invalid: {problemEn}' },
  'policy.none_applicable': { kind: 'unprocessable', zh: '没有可适用的容错纠错政策（辖区：{chain}）', en: 'No tolerance policy applies (jurisdictions: {chain})' },
  'policy.no_appeal_route': { kind: 'unprocessable', zh: '所适用的政策 {policy}（{version}）未规定此类决定（{type}）的申诉途径', en: 'The applicable policy {policy} ({version}) defines no appeal route for {type}' },
  'facts.invalid': { kind: 'validation', zh: '事实材料不符合要求', en: 'The facts are malformed' },
  'facts.unknown_item': { kind: 'validation', zh: '所适用的政策中没有{listZh} {id}', en: 'The applicable policy has no {listEn} {id}' },
  'facts.conduct_after_decision': { kind: 'validation', zh: '行为发生日期 {conductDate} 晚于决定日期 {decisionDate}', en: 'The conduct date {conductDate} is after the decision date {decisionDate}' },
  'facts.jurisdiction_mismatch': { kind: 'validation', zh: '事实中的辖区 {jurisdiction} 与适用的辖区 {expected} 不一致', en: 'The facts name jurisdiction {jurisdiction} but the jurisdiction used is {expected}' },
  'procedure.wrong_state': { kind: 'conflict', zh: '当前状态（{state}）不能执行“{action}”', en: '"{actionEn}" is not possible in the current state ({stateEn})' },
  'procedure.recused': { kind: 'forbidden', zh: '您与本事项有利害关系，应当回避', en: 'You are related to this matter and must recuse yourself' },
  'procedure.unknown_action': { kind: 'not_found', zh: '没有这个办理环节：{action}', en: 'No such step: {action}' },
  'matter.facts_missing': { kind: 'conflict', zh: '尚未认定事实并生成研判建议，不能提出认定意见', en: 'Record the established facts (and get the recommendation) before proposing' },
  'matter.already_extended': { kind: 'conflict', zh: '核实期限只能延长一次', en: 'The verification period can be extended only once' },
  'matter.appeal_window_closed': { kind: 'conflict', zh: '申诉期限已于 {deadline} 届满', en: 'The appeal window closed on {deadline}' },
  'matter.appeal_window_open': { kind: 'conflict', zh: '申诉期限至 {deadline} 届满前不能办结', en: 'The matter cannot be closed before the appeal window ends on {deadline}' },
  'matter.already_appealed': { kind: 'conflict', zh: '本事项已申诉过', en: 'This matter has already been appealed' },
  'matter.already_filed': { kind: 'conflict', zh: '已报上级备案', en: 'Already filed with the higher level' },
  'matter.publicity_not_required': { kind: 'conflict', zh: '按政策本事项无需公示或已公示', en: 'The policy requires no publicity for this matter, or it is already published' },
  'matter.not_received': { kind: 'conflict', zh: '当事人尚未签收决定，申诉期限尚未起算', en: 'The decision has not been received yet, so the appeal window has not started' },
  'matter.ex_officio_not_withdrawable': { kind: 'conflict', zh: '组织主动启动的容错核查不能由申请人撤回', en: 'A check the commission opened ex officio cannot be withdrawn by the applicant' },
  'matter.already_received': { kind: 'conflict', zh: '已签收', en: 'Already acknowledged' },
  'matter.departure_reason_required': { kind: 'validation', zh: '决定与研判建议（{recommendation}）不一致，须写明理由', en: 'The decision departs from the recommendation ({recommendation}); give the reason in writing' },
  'matter.exclusion_justification_required': { kind: 'validation', zh: '存在负面清单情形，作出容错决定须写明特别理由', en: 'An exclusion-list item applies; tolerating it requires a written justification' },
  'matter.heavier_on_review': { kind: 'validation', zh: '复核不得作出比原决定更重的处理', en: 'A review may not yield a heavier outcome than the original decision' },
  'matter.divergence_reason_required': { kind: 'validation', zh: '拟作出的“{outcome}”与最相近的 {neighbours} 件已决事项中多数（{count} 件“{majority}”）不一致，须简要说明理由', en: 'The outcome "{outcomeEn}" differs from most of the {neighbours} nearest decided matters ({count} "{majorityEn}"); give a short reason' },
  'matter.correction_reason_required': { kind: 'validation', zh: '研判建议责令纠错，决定不责令纠错须写明理由', en: 'The recommendation calls for correction; ordering none requires a written reason' },
  'matter.task_not_found': { kind: 'validation', zh: '本事项中没有该核实任务', en: 'This matter has no such verification task' },
  'matter.task_not_open': { kind: 'conflict', zh: '该核实任务已完成', en: 'This verification task is already completed' },
  'matter.assignee_invalid': { kind: 'validation', zh: '承办人不存在，或不是本辖区纪检监察机关工作人员', en: 'The assignee does not exist or does not work for this commission' },
  'meeting.no_quorum': { kind: 'conflict', zh: '出席人数 {present}/{members} 未达到法定人数', en: 'Attendance {present}/{members} does not meet the quorum' },
  'meeting.no_majority': { kind: 'conflict', zh: '没有一种意见获得出席人员过半数同意（{tally}）', en: 'No outcome has a majority of those present ({tally})' },
  'meeting.not_attending': { kind: 'forbidden', zh: '您未被列为本次会议出席人员', en: 'You are not listed as attending this meeting' },
  'meeting.panel_overlap': { kind: 'validation', zh: '复核组成员不得参与过原决定：{names}', en: 'Review panel members must not have taken part in the original decision: {names}' },
  'meeting.not_on_panel': { kind: 'forbidden', zh: '您不是本事项复核组成员', en: 'You are not on this matter\'s review panel' },
  'meeting.duplicate_vote': { kind: 'conflict', zh: '该成员已表决，不能重复表决', en: 'This member has already voted' },
  'meeting.not_a_member': { kind: 'validation', zh: '{id} 不是本事项决策机构（常委会）成员', en: '{id} is not a member of the body that decides this matter' },
  'meeting.member_related': { kind: 'validation', zh: '{name} 与本事项有利害关系（{reason}），应当回避', en: '{name} is related to this matter ({reason}) and must recuse' },
  'matter.measure_required': { kind: 'validation', zh: '减责决定须写明所采取的处理措施（如诫勉谈话）', en: 'A mitigation must name the measure taken instead (e.g. admonishment)' },
  'matter.receipt_date_invalid': { kind: 'validation', zh: '签收（送达）日期 {date} 应在 {earliest} 至 {latest} 之间', en: 'The date of receipt {date} must be between {earliest} and {latest}' },
  'matter.review_outcome_required': { kind: 'validation', zh: '变更原决定须选择与原决定（{original}）不同的认定结论', en: 'Varying the decision needs an outcome different from the original ({original})' },
  'matter.review_outcome_unexpected': { kind: 'validation', zh: '维持原决定时不能另选认定结论', en: 'Upholding the decision takes no new outcome' },
  'idempotency.mismatch': { kind: 'conflict', zh: '同一幂等键已用于不同的请求', en: 'This idempotency key was already used for a different request' },
  'upload.type_refused': { kind: 'validation', zh: '不接受此类文件（{detected}）：只接受 PDF、图片、Word、Excel 和文本文件', en: 'File type refused ({detected}): only PDF, images, Word, Excel and text files are accepted' },
  'upload.extension_mismatch': { kind: 'validation', zh: '文件扩展名 .{declared} 与文件实际类型（{detected}）不符', en: 'The file is named .{declared} but is actually {detected}' },
  'upload.missing_file': { kind: 'validation', zh: '请选择要上传的文件（表单字段 file）', en: 'Choose a file to upload (form field "file")' },
  'cadre.unknown': { kind: 'validation', zh: '干部不存在或不在本辖区', en: 'No such cadre in this jurisdiction' },
  'matter.correction_not_escalated': { kind: 'conflict', zh: '本决定所附纠错事项未因逾期或拒不整改报请领导处理，不能重新研究容错认定', en: 'No correction ordered with this decision has been escalated as overdue or refused, so the decision cannot be reopened' },
  'correction.not_overdue': { kind: 'conflict', zh: '整改期限至 {deadline} 届满前不能按逾期报请处理', en: 'The rectification period runs until {deadline}; it is not overdue yet' },
  'correction.evidence_missing': { kind: 'conflict', zh: '验收须有整改佐证材料，请先上传', en: 'Acceptance needs evidence of the rectification; upload it first' },
  'correction.look_back_not_due': { kind: 'conflict', zh: '回头看应在 {date} 及以后进行', en: 'The look-back check is due on {date}, not before' },
  'correction.unit_unknown': { kind: 'validation', zh: '责任单位不存在或不在本辖区', en: 'No such responsible unit in this jurisdiction' },
  'correction.cadre_not_in_unit': { kind: 'validation', zh: '责任人不是责任单位的干部', en: 'The responsible cadre does not work in the responsible unit' },
  'correction.deadline_required': { kind: 'validation', zh: '回头看发现问题反弹的，须重新确定整改期限', en: 'A relapse found on looking back needs a new rectification deadline' },
  'correction.deadline_unexpected': { kind: 'validation', zh: '整改成效巩固的，无需确定整改期限', en: 'A rectification that holds takes no new deadline' },
  'correction.file_not_found': { kind: 'validation', zh: '本事项中没有该材料', en: 'This matter has no such file' },
  'pre_registration.not_before_acting': { kind: 'conflict', zh: '事前报备应在实施前提出：计划实施日期 {date} 已过', en: 'A pre-registration must be filed before acting: the planned start {date} has passed' },
  'pre_registration.link_invalid': { kind: 'validation', zh: '事前报备不存在、不在本辖区，或与当事人及其单位不一致', en: 'No such pre-registration in scope for this cadre or unit' },
  'pre_registration.link_required': { kind: 'validation', zh: '经事前报备启动的容错程序须关联事前报备', en: 'A matter opened from a pre-registration must name it' },
  'pre_registration.not_filed': { kind: 'validation', zh: '该事前报备尚未提交或已撤回，不能关联', en: 'This pre-registration was never filed or was withdrawn, so it cannot be linked' },
  'pre_registration.unit_unknown': { kind: 'validation', zh: '您不是该单位负责人，不能以单位名义报备', en: 'You do not lead this unit, so you cannot file for it' },
  'sanction.unknown': { kind: 'validation', zh: '处分记录不存在或不在本辖区', en: 'No such sanction record in this jurisdiction' },
  'sanction.type_not_in_policy': { kind: 'unprocessable', zh: '所适用的政策未规定此类处分或处理（{type}）的影响期', en: 'The applicable policy sets no influence period for this sanction ({type})' },
  'sanction.effective_before_decision': { kind: 'validation', zh: '生效日期 {effectiveOn} 早于决定日期 {decidedOn}', en: 'The effective date {effectiveOn} is before the decision date {decidedOn}' },
  'sanction.date_in_future': { kind: 'validation', zh: '日期 {date} 晚于今天：只能登记已经作出并生效的处分', en: 'The date {date} is after today: only sanctions already decided and in effect can be recorded' },
  'sanction.source_invalid': { kind: 'validation', zh: '来源事项不存在、不在本辖区，或不是关于该干部的事项', en: 'No such source matter about this cadre in this jurisdiction' },
  'appointment.blocked': { kind: 'conflict', zh: '该干部受到{sanctions}，影响期至 {until} 届满，届满前不得提拔或者进一步使用（{clearFrom} 起方可提出）', en: 'The cadre is within the influence period of {sanctionsEn}, which runs until {until}: no promotion or further use before then (possible from {clearFrom})' },
  'appointment.barred': { kind: 'conflict', zh: '该干部受到{sanctions}，不得提拔或者重新使用', en: 'The cadre received {sanctionsEn} and may not be promoted or reused' },
  'follow_up.outside_window': { kind: 'conflict', zh: '回访应在处分生效之日（{from}）至影响期届满之日（{until}）之间进行', en: 'Visits fall between the day the sanction took effect ({from}) and the end of its influence period ({until})' },
  'follow_up.visit_outside_window': { kind: 'validation', zh: '回访日期 {date} 不在处分生效之日（{from}）至影响期届满之日（{until}）之间', en: 'The visit date {date} is not between the day the sanction took effect ({from}) and the end of its influence period ({until})' },
  'follow_up.plan_outside_window': { kind: 'validation', zh: '计划回访日期 {date} 不在处分生效之日（{from}）至影响期届满之日（{until}）之间', en: 'The planned date {date} is not between the day the sanction took effect ({from}) and the end of its influence period ({until})' },
  'follow_up.plan_in_past': { kind: 'validation', zh: '计划回访日期 {date} 已过', en: 'The planned date {date} has passed' },
  'follow_up.visit_in_future': { kind: 'validation', zh: '回访日期 {date} 晚于今天', en: 'The visit date {date} is after today' },
  'follow_up.visitors_too_few': { kind: 'validation', zh: '回访组应由至少 {min} 名不同人员组成（现为 {count} 名）', en: 'A visit needs at least {min} different visitors ({count} given)' },
  'follow_up.not_reusable': { kind: 'conflict', zh: '受到开除处分的，不得提出重新使用建议', en: 'A cadre who was expelled cannot be recommended for reuse' },
  'follow_up.grade_not_good': { kind: 'conflict', zh: '回访评定为“{grade}”：评定为“好”的方可提出使用建议', en: 'The visit was graded "{gradeEn}": only a good grade allows a reuse recommendation' },
  'follow_up.already_open': { kind: 'conflict', zh: '该处分已有正在办理的回访教育事项（{number}）', en: 'A follow-up of this sanction is already under way ({number})' },
  'name_clearing.consent_missing': { kind: 'conflict', zh: '未取得本人对澄清方式和范围的同意，不能澄清正名', en: 'The cadre has not consented to a form and scope of clearing, so no clearing can go ahead' },
  'name_clearing.accuser_already_handled': { kind: 'conflict', zh: '已认定举报性质并作处理，不能重复认定', en: 'The accuser has already been classified and dealt with' },
  'name_clearing.unknown_item': { kind: 'validation', zh: '所适用的政策中没有{listZh} {id}', en: 'The applicable policy has no {listEn} {id}' },
  'name_clearing.item_repeated': { kind: 'validation', zh: '情形 {id} 重复', en: 'Item {id} is listed twice' },
  'name_clearing.item_reason_required': { kind: 'validation', zh: '认定“{label}”（{id}）须写明理由', en: 'Item {id} needs a written reason' },
  'name_clearing.item_reason_unexpected': { kind: 'validation', zh: '情形 {id} 未被选中，无需写明理由', en: 'Item {id} was not chosen, so it takes no reason' },
  'name_clearing.form_repeated': { kind: 'validation', zh: '澄清方式“{form}”重复', en: 'A form of clearing is listed twice' },
  'name_clearing.form_needs_wider_scope': { kind: 'validation', zh: '“{form}”的范围至少应为“{minimum}”', en: '{formEn} needs a scope of at least: {minimumEn}' },
  'name_clearing.form_not_consented': { kind: 'validation', zh: '本人未同意以“{form}”方式澄清', en: 'The cadre did not consent to clearing {formEn}' },
  'name_clearing.scope_exceeds_consent': { kind: 'validation', zh: '澄清范围“{scope}”超出本人同意的范围“{allowed}”', en: 'The scope ({scopeEn}) goes beyond what the cadre consented to ({allowedEn})' },
  'name_clearing.form_not_approved': { kind: 'validation', zh: '经批准的澄清方案中没有“{form}”方式', en: 'The approved plan does not include clearing {formEn}' },
  'name_clearing.scope_exceeds_approval': { kind: 'validation', zh: '澄清范围“{scope}”超出经批准的范围“{allowed}”', en: 'The scope ({scopeEn}) goes beyond the approved plan ({allowedEn})' },
  'name_clearing.complaint_number_required': { kind: 'validation', zh: '来源于信访举报件的，须填写信访举报件编号', en: 'A clearing from a recorded complaint needs the complaint’s number' },
  'name_clearing.concluded_in_future': { kind: 'validation', zh: '了结日期 {date} 晚于今天，举报尚未被认定不实', en: 'The conclusion date {date} is in the future: the report has not been found untrue yet' },
  'name_clearing.received_after_conclusion': { kind: 'validation', zh: '收到举报日期 {received} 晚于了结日期 {concluded}', en: 'The report was received ({received}) after it was concluded ({concluded})' },
  'name_clearing.accuser_name_required': { kind: 'validation', zh: '实名举报须填写举报人姓名', en: 'A named report needs the accuser’s name' },
  'name_clearing.accuser_name_unexpected': { kind: 'validation', zh: '匿名举报不填写举报人姓名和联系方式', en: 'An anonymous report takes no accuser name or contact' },
  'name_clearing.referral_required': { kind: 'validation', zh: '认定为诬告陷害的，须写明移送机关', en: 'A malicious false accusation needs the body it is referred to' },
  'name_clearing.referral_unexpected': { kind: 'validation', zh: '认定为错告的，不移送查处', en: 'A mistaken accusation is not referred' },
  'name_clearing.consultation_method_required': { kind: 'validation', zh: '代为记录本人意见的，须写明征求意见的方式和日期', en: 'Recording the cadre’s view for them needs how and when they were consulted' },
  'name_clearing.planned_in_past': { kind: 'validation', zh: '计划澄清日期 {date} 早于今天', en: 'The planned date {date} is in the past' },
  'name_clearing.date_out_of_range': { kind: 'validation', zh: '日期 {date} 应在 {earliest} 至 {latest} 之间', en: 'The date {date} must be between {earliest} and {latest}' },
  'case_library.decision_not_standing': { kind: 'conflict', zh: '该事项没有生效的容错决定（未作出决定、已重新研究或正在申诉复核），不能作为典型案例发布', en: 'The matter has no standing decision (none yet, reopened, or under review on appeal), so it cannot be published as a typical case' },
  'case_library.already_prepared': { kind: 'conflict', zh: '该事项已选入典型案例库', en: 'A typical case has already been prepared from this matter' },
  'case_library.personal_data_left': { kind: 'conflict', zh: '案例中仍有 {count} 处可识别个人的信息（姓名、证件号码、电话、单位或具体日期），请处理高亮部分后再提交', en: '{count} items that identify people (names, ID or phone numbers, units, exact dates) are left in the case; deal with the highlighted parts first' },
  // 结果运用台账 and its delivery to other systems (webhooks, pull API).
  'outcome_ledger.export_too_large': { kind: 'too_large', zh: '符合条件的台账记录有 {count} 条，超过一次导出的上限 {max} 条，请缩小筛选范围', en: '{count} ledger entries match, more than the {max} one export may hold; narrow the filters' },
  'outcome_ledger.cursor_invalid': { kind: 'validation', zh: '游标无效：应为上一页返回的 nextCursor', en: 'Invalid cursor: pass the nextCursor of the previous page' },
  'webhook.url_invalid': { kind: 'validation', zh: '回调地址不是有效的网址', en: 'The callback address is not a valid URL' },
  'webhook.url_scheme': { kind: 'validation', zh: '回调地址只能使用 http 或 https', en: 'The callback address must use http or https' },
  'webhook.url_credentials': { kind: 'validation', zh: '回调地址中不得包含用户名或密码，请改用签名验证', en: 'The callback address must not contain a user name or password; rely on the signature instead' },
  'webhook.url_host': { kind: 'validation', zh: '回调地址的主机“{host}”不可用：{reasonZh}', en: 'The callback host "{host}" cannot be used: {reasonEn}' },
  'webhook.event_kinds_required': { kind: 'validation', zh: '请至少选择一类推送事项', en: 'Choose at least one kind of entry to deliver' },
  'webhook.jurisdiction_unknown': { kind: 'validation', zh: '辖区不存在或不在您的管理范围内', en: 'No such jurisdiction within your scope' },
  'webhook.already_disabled': { kind: 'conflict', zh: '该推送订阅已停用', en: 'This subscription is already disabled' },
  'webhook.signature_invalid': { kind: 'unauthenticated', zh: '签名校验失败：推送编号、时间戳或签名不正确，或时间戳已超过 {minutes} 分钟', en: 'Signature check failed: wrong delivery id, timestamp or signature, or a timestamp older than {minutes} minutes' },
  'internal': { kind: 'internal', zh: '服务器处理请求时出错，请稍后再试', en: 'The server could not process the request; try again later' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorDetails = Record<string, string | number | boolean | null | undefined | unknown[]>;

export class DomainError extends Error {
  readonly kind: ErrorKind;
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
    /** Which input field is wrong, e.g. "gates.G3" or "rows[4].身份证号". */
    readonly field?: string,
  ) {
    super(code);
    this.kind = ERRORS[code].kind;
  }
  get messageZh(): string {
    return fill(ERRORS[this.code].zh, this.details);
  }
  get messageEn(): string {
    return fill(ERRORS[this.code].en, this.details);
  }
}

function fill(template: string, details: ErrorDetails): string {
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = details[key];
      return Array.isArray(value) ? value.join('、') : String(value ?? '');
    })
    .replace(/[：:]\s*$/, '')
    .trim();
}
